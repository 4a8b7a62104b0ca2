// IBM Plex Sans Arabic (the Arabic subset only, regular and semibold), loaded when Arabic is
// chosen: its CSS and fonts are a chunk of their own, never fetched by an English page.
import '@fontsource/ibm-plex-sans-arabic/arabic-400.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-600.css';
