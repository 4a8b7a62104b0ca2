// Draws the map: sea, neighbours, Libya, routes, places and the forces in them.
// Geometry lives in canvas units (the baked outline's); symbols and labels keep a constant
// size on screen whatever the zoom (they are counter-scaled), as on a paper map.
// Everything is drawn once and redrawn only when the zoom or the state changes: the still
// layers (sea, land, routes, names) go through one cached image (static-layer.ts), so a pan
// draws one image and the places.
import Phaser from 'phaser';
import type { Controller, PlaceDef, Scenario } from '../../game/sim-types.ts';
import { isRtl, lang, placeName, t } from '../../i18n/index.ts';
import { css, palette, type SideLike } from '../../ui/palette.ts';
import { shortPlaceName } from '../../ui/texts.ts';
import { keepAwake } from '../loop.ts';
import { type AreaGeometry, areaGeometry, ringPoints as flatRing, frontPieces, type Holder, type Pt } from './areas.ts';
import { FONT } from './assets.ts';
import { mercator, type Outline, worldRect } from './outline.ts';
import { StaticLayer } from './static-layer.ts';
import { drawPlaceIcon, drawSideBadge, iconRadius, placePriority } from './symbols.ts';
import { makeText } from './text.ts';

const RESOLUTION = Math.min(2, Math.max(1, Math.ceil(window.devicePixelRatio || 1)));

export interface ForceBadge {
  side: SideLike;
  /** What the counter shows: "4.5k", "~2–4k". */
  text: string;
}

export interface PlaceStatus {
  controller: Controller;
  forces: ForceBadge[];
  sieged?: boolean;
  shut?: boolean;
}

interface PlaceNode {
  def: PlaceDef;
  x: number;
  y: number;
  radius: number;
  priority: number;
  container: Phaser.GameObjects.Container;
  icon: Phaser.GameObjects.Graphics;
  ring: Phaser.GameObjects.Graphics;
  label: Phaser.GameObjects.Text;
  forces: Phaser.GameObjects.Container;
  badges: Phaser.GameObjects.Graphics;
  /** Force counters, reused from one drawing to the next; the first status.forces.length show. */
  counters: Phaser.GameObjects.Text[];
  status: PlaceStatus;
}

export interface MapViewOptions {
  scenario?: Scenario | null;
  /** Show places and routes (the game) or only the land (menus). */
  showPlaces: boolean;
}

const TEXT_HALO = css(palette.bg);

export class MapView {
  readonly outline: Outline;
  readonly project: (lat: number, lon: number) => { x: number; y: number };
  private readonly scene: Phaser.Scene;
  private readonly land: Phaser.GameObjects.Graphics;
  private readonly routes: Phaser.GameObjects.Graphics;
  /** Who holds each area: tints, hatching and the front line (areas.ts). */
  private readonly areas: Phaser.GameObjects.Graphics;
  private areaGeometry: AreaGeometry | null = null;
  private areaIds: string[] = [];
  /** The areas' polygons as Phaser points, made once. */
  private areaFills: Phaser.Math.Vector2[][][] = [];
  private readonly still: StaticLayer;
  private readonly nodes = new Map<string, PlaceNode>();
  private readonly fixedLabels: Phaser.GameObjects.Text[] = [];
  private readonly scenario: Scenario | null;
  private zoom = 1;
  /** The places' icons and labels at this multiple of their size (the player's text size). */
  private labelScale = 1;
  private selected: string | null = null;
  private hovered: string | null = null;
  private highlighted = new Set<string>();

  constructor(scene: Phaser.Scene, outline: Outline, options: MapViewOptions) {
    this.scene = scene;
    this.outline = outline;
    this.project = mercator(outline);
    this.scenario = options.scenario ?? null;

    const world = worldRect(outline);
    // The still layers, in drawing order, off the display list: the cached image shows them.
    const sea = new Phaser.GameObjects.Rectangle(scene, world.x + world.width / 2, world.y + world.height / 2, world.width * 3, world.height * 3, palette.sea);
    this.land = new Phaser.GameObjects.Graphics(scene);
    this.routes = new Phaser.GameObjects.Graphics(scene);
    this.areas = new Phaser.GameObjects.Graphics(scene);
    const regions = this.addRegionLabels();
    this.addFixedLabels();
    this.still = new StaticLayer(scene, [sea, this.land, this.areas, ...regions, this.routes, ...this.fixedLabels], 0);
    if (options.showPlaces && this.scenario) {
      this.addPlaces(this.scenario);
      this.buildAreas();
    }
    this.setZoom(1);
  }

  get width(): number {
    return this.outline.width;
  }

  get height(): number {
    return this.outline.height;
  }

  /** Libya's bounding box, for fitting the camera. */
  libyaBounds(): { x: number; y: number; width: number; height: number } {
    const libya = this.outline.countries.find((c) => c.role === 'libya');
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const ring of libya?.rings ?? []) {
      for (let i = 0; i < ring.length; i += 2) {
        minX = Math.min(minX, ring[i] as number);
        maxX = Math.max(maxX, ring[i] as number);
        minY = Math.min(minY, ring[i + 1] as number);
        maxY = Math.max(maxY, ring[i + 1] as number);
      }
    }
    if (!Number.isFinite(minX)) return { x: 0, y: 0, width: this.width, height: this.height };
    return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  }

  placePosition(id: string): { x: number; y: number } | null {
    const node = this.nodes.get(id);
    return node ? { x: node.x, y: node.y } : null;
  }

  placeIds(): string[] {
    return [...this.nodes.keys()];
  }

  /** The place under a world point, within its icon plus a margin (screen pixels). */
  placeAt(worldX: number, worldY: number, marginPx = 8): string | null {
    let best: string | null = null;
    let bestD = Number.POSITIVE_INFINITY;
    for (const [id, node] of this.nodes) {
      const d = (Math.hypot(node.x - worldX, node.y - worldY) * this.zoom) / this.labelScale;
      if (d <= node.radius + marginPx && d < bestD) {
        best = id;
        bestD = d;
      }
    }
    return best;
  }

  setZoom(zoom: number): void {
    if (zoom === this.zoom && this.land.commandBuffer.length > 0) return;
    this.zoom = zoom;
    this.drawLand();
    this.drawAreas();
    this.drawRoutes();
    const inv = 1 / zoom;
    for (const node of this.nodes.values()) node.container.setScale(inv * this.labelScale);
    for (const label of this.fixedLabels) label.setScale(inv);
    this.layoutLabels();
    this.still.invalidate();
  }

  /** Larger place icons and labels (1 to 2), for larger text; the labels are laid out again. */
  setLabelScale(scale: number): void {
    const k = Math.min(2, Math.max(1, scale));
    if (k === this.labelScale) return;
    this.labelScale = k;
    for (const node of this.nodes.values()) node.container.setScale(k / this.zoom);
    this.layoutLabels();
    this.still.invalidate();
  }

  setStatus(id: string, status: PlaceStatus): void {
    const node = this.nodes.get(id);
    if (!node) return;
    const frontMoved = node.status.controller !== status.controller;
    node.status = status;
    this.drawNode(node);
    if (frontMoved) {
      this.drawAreas();
      this.drawRoutes();
      this.still.invalidate();
    }
    keepAwake();
  }

  setSelected(id: string | null): void {
    const before = this.selected;
    this.selected = id;
    for (const key of [before, id]) {
      const node = key ? this.nodes.get(key) : undefined;
      if (node) this.drawNode(node);
    }
    this.layoutLabels();
    keepAwake();
  }

  setHovered(id: string | null): void {
    if (id === this.hovered) return;
    const before = this.hovered;
    this.hovered = id;
    for (const key of [before, id]) {
      const node = key ? this.nodes.get(key) : undefined;
      if (node) this.drawNode(node);
    }
    this.layoutLabels();
    keepAwake();
  }

  /** Places an order or report points at (drawn with a soft ring). */
  setHighlighted(ids: Iterable<string>): void {
    const before = this.highlighted;
    this.highlighted = new Set(ids);
    for (const id of new Set([...before, ...this.highlighted])) {
      const node = this.nodes.get(id);
      if (node) this.drawNode(node);
    }
    keepAwake();
  }

  // ------------------------------------------------------------------ effects (animations)

  /** An expanding ring at a place (control change, strike, battle). */
  pulse(id: string, color: number, durationMs: number, rings = 2): void {
    const node = this.nodes.get(id);
    if (!node) return;
    for (let i = 0; i < rings; i++) {
      const circle = this.scene.add.circle(node.x, node.y, 14 / this.zoom, color, 0).setStrokeStyle(3 / this.zoom, color, 1).setDepth(7);
      this.scene.tweens.add({
        targets: circle,
        scale: 3.2,
        alpha: 0,
        delay: (i * durationMs) / (rings + 1),
        duration: durationMs,
        ease: 'Cubic.easeOut',
        onComplete: () => circle.destroy(),
      });
    }
  }

  /** An arrow from one place to another (movement, attack), fading out. */
  arrow(from: string, to: string, color: number, durationMs: number): void {
    const a = this.nodes.get(from);
    const b = this.nodes.get(to);
    if (!a || !b) return;
    const g = this.scene.add.graphics().setDepth(7);
    const w = 4 / this.zoom;
    const angle = Math.atan2(b.y - a.y, b.x - a.x);
    const head = 14 / this.zoom;
    const trim = (b.radius + 6) / this.zoom;
    const ex = b.x - Math.cos(angle) * trim;
    const ey = b.y - Math.sin(angle) * trim;
    g.lineStyle(w, color, 1);
    g.lineBetween(a.x, a.y, ex - Math.cos(angle) * head * 0.6, ey - Math.sin(angle) * head * 0.6);
    g.fillStyle(color, 1);
    g.fillTriangle(
      ex,
      ey,
      ex - Math.cos(angle - 0.45) * head,
      ey - Math.sin(angle - 0.45) * head,
      ex - Math.cos(angle + 0.45) * head,
      ey - Math.sin(angle + 0.45) * head,
    );
    g.setAlpha(0);
    this.scene.tweens.chain({
      targets: g,
      tweens: [
        { alpha: 1, duration: durationMs * 0.3 },
        { alpha: 0, duration: durationMs * 0.7, delay: durationMs * 0.4 },
      ],
      onComplete: () => g.destroy(),
    });
  }

  // ------------------------------------------------------------------ drawing

  private drawLand(): void {
    const g = this.land;
    const z = this.zoom;
    g.clear();
    // Graticule every 2 degrees, faint: the map reads as a map.
    g.lineStyle(1 / z, palette.seaLine, 0.35);
    for (let lon = -8; lon <= 44; lon += 2) {
      const a = this.project(8, lon);
      const b = this.project(42, lon);
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
    for (let lat = 8; lat <= 42; lat += 2) {
      const a = this.project(lat, -8);
      const b = this.project(lat, 44);
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
    // A shallow-water halo along every coast.
    for (const country of this.outline.countries) {
      for (const ring of country.rings) {
        g.lineStyle(14 / z, palette.seaLine, 0.45);
        g.strokePoints(points(ring), true);
      }
    }
    for (const role of ['other', 'neighbour', 'libya'] as const) {
      const fill = role === 'libya' ? palette.libya : role === 'neighbour' ? palette.neighbour : palette.otherLand;
      const edge = role === 'libya' ? palette.libyaEdge : palette.neighbourEdge;
      for (const country of this.outline.countries.filter((c) => c.role === role)) {
        for (const ring of country.rings) {
          const pts = points(ring);
          g.fillStyle(fill, 1);
          g.fillPoints(pts, true);
          g.lineStyle((role === 'libya' ? 2 : 1.2) / z, edge, role === 'libya' ? 0.9 : 0.8);
          g.strokePoints(pts, true);
        }
      }
    }
  }

  /** Each place's area: the land nearer to it than to any other place, inside Libya. */
  private buildAreas(): void {
    const libya = this.outline.countries.filter((c) => c.role === 'libya').flatMap((c) => c.rings.map(flatRing));
    this.areaIds = [...this.nodes.keys()];
    if (libya.length === 0 || this.areaIds.length < 2) return;
    const points: Pt[] = this.areaIds.map((id) => {
      const n = this.nodes.get(id) as PlaceNode;
      return [n.x, n.y];
    });
    const b = this.libyaBounds();
    const pad = 50;
    this.areaGeometry = areaGeometry(points, libya, [b.x - pad, b.y - pad, b.x + b.width + pad, b.y + b.height + pad], { hatchSpacing: 9, landStep: 2 });
    this.areaFills = this.areaGeometry.areas.map((polys) => polys.map((poly) => poly.map(([x, y]) => new Phaser.Math.Vector2(x, y))));
  }

  /** Who holds each area, as drawn: for the test hook and the text view of the map. */
  areaHolders(): Record<string, Holder> {
    const out: Record<string, Holder> = {};
    if (!this.areaGeometry) return out;
    for (const id of this.areaIds) out[id] = this.nodes.get(id)?.status.controller ?? 'local';
    return out;
  }

  /** How many pieces of front line are drawn. */
  frontLength(): number {
    return this.areaGeometry ? frontPieces(this.areaGeometry, this.areaIds.map((id) => this.nodes.get(id)?.status.controller ?? 'local')).length : 0;
  }

  private drawAreas(): void {
    const g = this.areas;
    g.clear();
    const geo = this.areaGeometry;
    if (!geo) return;
    const z = this.zoom;
    const holders = this.areaIds.map((id) => this.nodes.get(id)?.status.controller ?? 'local');
    holders.forEach((holder, i) => {
      if (holder !== 'gna' && holder !== 'lna') return;
      for (const poly of this.areaFills[i] ?? []) {
        g.fillStyle(holder === 'gna' ? palette.gna : palette.lna, holder === 'gna' ? 0.26 : 0.2);
        g.fillPoints(poly, true);
      }
      // The LNA's areas are hatched too: the two sides differ without colour.
      if (holder === 'lna') {
        g.lineStyle(1.4 / z, palette.lnaDark, 0.55);
        for (const [a, b] of geo.hatch[i] ?? []) g.lineBetween(a[0], a[1], b[0], b[1]);
      }
    });
    // The front line between the two sides' areas, over a dark halo.
    const front = frontPieces(geo, holders);
    g.lineStyle(6 / z, palette.bg, 0.55);
    for (const [a, b] of front) g.lineBetween(a[0], a[1], b[0], b[1]);
    g.lineStyle(2.6 / z, palette.danger, 0.95);
    for (const [a, b] of front) g.lineBetween(a[0], a[1], b[0], b[1]);
  }

  private drawRoutes(): void {
    const g = this.routes;
    g.clear();
    if (!this.scenario || this.nodes.size === 0) return;
    const z = this.zoom;
    for (const route of this.scenario.map.routes) {
      const a = this.nodes.get(route.from);
      const b = this.nodes.get(route.to);
      if (!a || !b) continue;
      if (route.kind === 'coastal-road') {
        g.lineStyle(5 / z, palette.bg, 0.35);
        g.lineBetween(a.x, a.y, b.x, b.y);
        g.lineStyle(3 / z, palette.coastalRoad, 0.95);
        g.lineBetween(a.x, a.y, b.x, b.y);
      } else if (route.kind === 'desert-road') {
        g.lineStyle(2.2 / z, palette.desertRoad, 0.95);
        dashed(g, a.x, a.y, b.x, b.y, 10 / z, 6 / z);
      } else {
        g.lineStyle(1.8 / z, palette.track, 0.9);
        dashed(g, a.x, a.y, b.x, b.y, 2.5 / z, 5 / z);
      }
    }
    // The front: a bar across every route that joins places held by the two sides.
    for (const route of this.scenario.map.routes) {
      const a = this.nodes.get(route.from);
      const b = this.nodes.get(route.to);
      if (!a || !b) continue;
      const ca = a.status.controller;
      const cb = b.status.controller;
      if (ca === 'local' || cb === 'local' || ca === cb) continue;
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      if (length === 0) continue;
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const nx = (-(b.y - a.y) / length) * (9 / z);
      const ny = ((b.x - a.x) / length) * (9 / z);
      g.lineStyle(6 / z, palette.bg, 0.8);
      g.lineBetween(mx - nx, my - ny, mx + nx, my + ny);
      g.lineStyle(3 / z, palette.danger, 1);
      g.lineBetween(mx - nx, my - ny, mx + nx, my + ny);
    }
  }

  private addFixedLabels(): void {
    const style = (size: number, color: number, italic = false): Phaser.Types.GameObjects.Text.TextStyle => ({
      fontFamily: FONT,
      fontSize: `${size}px`,
      fontStyle: italic ? 'italic' : '',
      color: css(color),
      resolution: RESOLUTION,
      rtl: isRtl(),
    });
    for (const country of this.outline.countries) {
      if (country.role !== 'neighbour' || !country.label) continue;
      const [x, y] = country.label;
      // Keep neighbour names inside the canvas and off Libya's edge.
      const lx = Phaser.Math.Clamp(x, 110, this.outline.width - 110);
      const ly = Phaser.Math.Clamp(y, 80, this.outline.height - 50);
      const label = makeText(this.scene, lx, ly, spaced(countryName(country.name)), style(13, palette.textMuted), false).setOrigin(0.5).setAlpha(0.75);
      this.fixedLabels.push(label);
    }
    const sea = this.project(33.9, 17.5);
    this.fixedLabels.push(makeText(this.scene, sea.x, sea.y, t('game.map.sea'), style(16, palette.seaLabel, true), false).setOrigin(0.5));
    const gulf = this.project(31.75, 18.4);
    this.fixedLabels.push(makeText(this.scene, gulf.x, gulf.y, t('game.map.gulf'), style(12, palette.seaLabel, true), false).setOrigin(0.5));
  }

  /** Region names scale with the map, like lettering printed on it (drawn under the routes). */
  private addRegionLabels(): Phaser.GameObjects.Text[] {
    const regions: [string, number, number][] = [
      [t('game.region.tripolitania'), 30.6, 11.6],
      [t('game.region.cyrenaica'), 28.0, 21.8],
      [t('game.region.fezzan'), 24.4, 14.6],
    ];
    return regions.map(([name, lat, lon]) => {
      const p = this.project(lat, lon);
      const style = { fontFamily: FONT, fontSize: '44px', fontStyle: '600', color: css(palette.lnaDark), resolution: 1, rtl: isRtl() };
      return makeText(this.scene, p.x, p.y, spaced(name), style, false).setOrigin(0.5).setAlpha(0.22);
    });
  }

  private addPlaces(scenario: Scenario): void {
    for (const def of scenario.map.places) {
      const { x, y } = this.project(def.lat, def.lon);
      const radius = iconRadius(def);
      const container = this.scene.add.container(x, y).setDepth(4 + (10_000 - placePriority(def)) / 1e7);
      const ring = this.scene.add.graphics();
      const icon = this.scene.add.graphics();
      // The place's name as written in the player's language (Arabic in Arabic script); the map itself is never mirrored.
      const label = makeText(this.scene, radius + 6, 0, shortPlaceName(placeName(def.id, def.name)), {
        fontFamily: FONT,
        fontSize: def.tags.includes('capital') ? '15px' : '13px',
        fontStyle: def.tags.includes('capital') || def.population >= 100 ? '600' : '',
        color: css(palette.text),
        stroke: TEXT_HALO,
        strokeThickness: 4,
        resolution: RESOLUTION,
        rtl: isRtl(),
      }).setOrigin(0, 0.5);
      const forces = this.scene.add.container(radius + 6, 15);
      const badges = this.scene.add.graphics();
      forces.add(badges);
      container.add([ring, icon, label, forces]);
      const node: PlaceNode = {
        def,
        x,
        y,
        radius,
        priority: placePriority(def),
        container,
        icon,
        ring,
        label,
        forces,
        badges,
        counters: [],
        status: { controller: scenario.control[def.id] ?? 'local', forces: [] },
      };
      this.nodes.set(def.id, node);
      this.drawNode(node);
    }
  }

  private drawNode(node: PlaceNode): void {
    const { icon, ring, status } = node;
    icon.clear();
    ring.clear();
    const active = node.def.id === this.selected || node.def.id === this.hovered;
    if (this.highlighted.has(node.def.id)) {
      ring.fillStyle(palette.accent, 0.18);
      ring.fillCircle(0, 0, node.radius + 12);
    }
    if (status.sieged) {
      ring.lineStyle(2, palette.danger, 0.95);
      dashedCircle(ring, node.radius + 6);
    }
    if (active) {
      ring.lineStyle(2.5, node.def.id === this.selected ? palette.text : palette.accent, 1);
      ring.strokeCircle(0, 0, node.radius + 5);
    }
    drawPlaceIcon(icon, node.def, status.controller);
    setColor(node.label, css(active ? palette.accent : palette.text));

    const { badges, counters } = node;
    badges.clear();
    let x = 0;
    status.forces.forEach((force, i) => {
      drawSideBadge(badges, x + 5, 0, force.side, 4);
      const color = css(force.side === 'gna' ? palette.gna : force.side === 'lna' ? palette.lna : palette.textMuted);
      let t = counters[i];
      if (!t) {
        t = makeText(this.scene, 0, 0, force.text, {
          fontFamily: FONT,
          fontSize: '12px',
          fontStyle: '600',
          color,
          stroke: TEXT_HALO,
          strokeThickness: 4,
          resolution: RESOLUTION,
        }).setOrigin(0, 0.5);
        counters.push(t);
        node.forces.add(t);
      } else {
        if (t.text !== force.text) t.setText(force.text);
        setColor(t, color);
        t.setVisible(true);
      }
      t.setPosition(x + 12, 0);
      x += 12 + t.width + 8;
    });
    for (let i = status.forces.length; i < counters.length; i++) counters[i]?.setVisible(false);
  }

  /**
   * Shows as many labels as fit without overlap, most important first: each label tries the
   * right of its icon, then the left, above and below. Capitals, the selected and the
   * hovered place always show. Icons always show, and no label covers another icon.
   */
  private layoutLabels(): void {
    // Screen pixels per local unit of a place's container, its label scale included.
    const z = this.zoom / this.labelScale;
    const must = (n: PlaceNode) => n.def.id === this.selected || n.def.id === this.hovered || n.def.tags.includes('capital');
    const order = [...this.nodes.values()].sort((a, b) => (must(a) ? -1e9 : a.priority) - (must(b) ? -1e9 : b.priority));
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const icons = new Map<PlaceNode, Box>();
    for (const node of order) {
      const r = (node.radius + 2) / z;
      icons.set(node, { x0: node.x - r, y0: node.y - r, x1: node.x + r, y1: node.y + r });
    }
    const placed: Box[] = [];
    const hits = (box: Box, self: PlaceNode) => {
      for (const [node, b] of icons) if (node !== self && b.x0 < box.x1 && b.x1 > box.x0 && b.y0 < box.y1 && b.y1 > box.y0) return true;
      return placed.some((b) => b.x0 < box.x1 && b.x1 > box.x0 && b.y0 < box.y1 && b.y1 > box.y0);
    };
    for (const node of order) {
      const fw = forcesWidth(node);
      const w = Math.max(node.label.width, fw);
      const hPx = node.status.forces.length > 0 ? 34 : 18;
      const r = node.radius + 5;
      // Top-left corners of the label block, in screen pixels from the icon centre.
      const spots: [number, number][] = [
        [r, -9],
        [-r - w, -9],
        [-w / 2, -r - hPx],
        [-w / 2, r],
      ];
      let chosen: [number, number] | null = null;
      for (const [bx, by] of spots) {
        const box = { x0: node.x + bx / z, y0: node.y + by / z, x1: node.x + (bx + w) / z, y1: node.y + (by + hPx) / z };
        if (!hits(box, node)) {
          chosen = [bx, by];
          placed.push(box);
          break;
        }
      }
      if (!chosen && must(node)) {
        chosen = spots[0] as [number, number];
        placed.push({ x0: node.x + chosen[0] / z, y0: node.y + chosen[1] / z, x1: node.x + (chosen[0] + w) / z, y1: node.y + (chosen[1] + hPx) / z });
      }
      node.label.setVisible(!!chosen);
      node.forces.setVisible(!!chosen);
      if (chosen) {
        const [bx, by] = chosen;
        const alignRight = bx < 0 && bx + w <= -node.radius;
        node.label.setOrigin(alignRight ? 1 : 0, 0.5).setPosition(alignRight ? bx + w : bx, by + 9);
        node.forces.setPosition(alignRight ? bx + w - fw : bx, by + 26);
      }
    }
  }
}

function forcesWidth(node: PlaceNode): number {
  let w = 0;
  for (let i = 0; i < node.status.forces.length; i++) w += 12 + (node.counters[i]?.width ?? 0) + 8;
  return w;
}

/** Setting a Text's colour redraws its canvas: only when it changes. */
function setColor(t: Phaser.GameObjects.Text, color: string): void {
  if (t.style.color !== color) t.setColor(color);
}

const ringPoints = new WeakMap<number[], Phaser.Math.Vector2[]>();

function points(ring: number[]): Phaser.Math.Vector2[] {
  let pts = ringPoints.get(ring);
  if (!pts) {
    pts = [];
    for (let i = 0; i < ring.length; i += 2) pts.push(new Phaser.Math.Vector2(ring[i] as number, ring[i + 1] as number));
    ringPoints.set(ring, pts);
  }
  return pts;
}

function dashed(g: Phaser.GameObjects.Graphics, x0: number, y0: number, x1: number, y1: number, dash: number, gap: number): void {
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (length === 0) return;
  const ux = (x1 - x0) / length;
  const uy = (y1 - y0) / length;
  g.beginPath();
  for (let d = 0; d < length; d += dash + gap) {
    const e = Math.min(length, d + dash);
    g.moveTo(x0 + ux * d, y0 + uy * d);
    g.lineTo(x0 + ux * e, y0 + uy * e);
  }
  g.strokePath();
}

function dashedCircle(g: Phaser.GameObjects.Graphics, r: number): void {
  const n = 12;
  for (let i = 0; i < n; i++) {
    const a0 = (i / n) * Math.PI * 2;
    g.beginPath();
    g.arc(0, 0, r, a0, a0 + (Math.PI * 2) / n / 1.8, false);
    g.strokePath();
  }
}

/** Letter-spaced capitals ("L I B Y A"); Arabic script has no capitals and its letters join: as written. */
function spaced(name: string): string {
  return lang() === 'ar' ? name : name.toUpperCase().split('').join('\u2009');
}

/** A neighbour's name on the map (game.map.country.<English name>), else as the outline has it. */
function countryName(name: string): string {
  const key = `game.map.country.${name}`;
  const text = t(key);
  return text === key ? name : text;
}
