#!/usr/bin/env bash
# Generates every sound the game plays into public/audio/, with Debian's sox (its Ogg Vorbis
# writer is in libsox-fmt-base, installed with sox). Nothing is sampled: all of it is synthesised,
# so the files can be regenerated at any time. `sox -R` seeds sox's noise generators and the
# Ogg stream serials with fixed values: two runs give byte-identical files.
#
#   bash tools/make-sounds.sh            # writes public/audio/*.ogg and prints their sizes
#
# Music: two 64 s seamless loops, mono 22.05 kHz Ogg Vorbis at quality 0 (about 20 kbit/s).
#   Looping: every continuous tone has a whole number of cycles in 64 s (frequencies are
#   multiples of 1/64 Hz, tremolo rates likewise) and is rendered for two periods keeping the
#   second (filters are then in their steady state); whatever rings past 64 s (the last
#   chord's fade, reverb tails) is folded back onto the start, so the end joins the start.
# Effects: short mono 22.05 kHz Ogg Vorbis at quality 3, each well under 30 KB.
set -euo pipefail

command -v sox >/dev/null || { echo "make-sounds: sox is missing (apt-get install -y sox)" >&2; exit 1; }
sox -h | grep ' vorbis' >/dev/null || { echo "make-sounds: this sox cannot write Ogg Vorbis (apt-get install -y libsox-fmt-base)" >&2; exit 1; }

cd "$(dirname "$0")/.."
OUT=public/audio
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

R=22050        # sample rate of everything
L=64           # music loop length, seconds
SOX=(sox -R -D -V1)

# tones OUT LEN TYPE FREQ [TYPE FREQ ...] -- [EFFECTS ...]
# Several oscillators summed to one mono channel (each oscillator is one channel of the
# synth, then remixed), followed by optional effects.
tones() {
  local out=$1 len=$2; shift 2
  local spec=() fx=() n=0
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do spec+=("$1" "$2"); n=$((n + 1)); shift 2; done
  [ $# -gt 0 ] && shift
  fx=("$@")
  "${SOX[@]}" -r $R -c $n -n -b 16 "$out" synth "$len" "${spec[@]}" remix - "${fx[@]}"
}

# noise OUT LEN KIND [EFFECTS ...]     (KIND: whitenoise | pinknoise | brownnoise)
noise() {
  local out=$1 len=$2 kind=$3; shift 3
  "${SOX[@]}" -r $R -c 1 -n -b 16 "$out" synth "$len" "$kind" "$@"
}

# mix OUT IN [IN ...]: sums inputs at half their level each (keeps headroom; every file is
# normalised at the end); shorter ones end early.
mix() {
  local out=$1; shift
  if [ $# -eq 1 ]; then cp "$1" "$out"; return; fi
  local args=()
  for f in "$@"; do args+=(-v 0.5 "$f"); done
  "${SOX[@]}" -m "${args[@]}" -b 16 "$out"
}

# fold IN OUT: keeps the first $L seconds and adds whatever lies beyond back onto the start.
fold() {
  local in=$1 out=$2
  "${SOX[@]}" "$in" "$T/head.wav" trim 0 $L
  "${SOX[@]}" "$in" "$T/tail.wav" trim $L
  if [ "$(soxi -s "$T/tail.wav")" -gt 0 ]; then mix "$out" "$T/head.wav" "$T/tail.wav"; else cp "$T/head.wav" "$out"; fi
  [ "$(soxi -s "$out")" -eq $((L * R)) ] || { echo "make-sounds: $out is not exactly $L s long" >&2; exit 1; }
}

# vorbis IN NAME QUALITY [PEAK_DB]: normalises the peak and writes public/audio/NAME.ogg.
vorbis() {
  local in=$1 name=$2 q=$3 peak=${4:--1}
  "${SOX[@]}" "$in" -C "$q" "$OUT/$name.ogg" gain -n "$peak"
}

# ---------------------------------------------------------------------------------------------
# Music, calm: a D drone with slow beating, and a slow minor progression of soft pads.
# Dm - Bb - Gm - A(sus4 -> plain), 16 s each, crossfading over 4 s.
# ---------------------------------------------------------------------------------------------
tones "$T/calm-drone.wav" $((2 * L)) sine 36.75 sine 73.5 sine 73.75 triangle 110.25 -- \
  lowpass 500 tremolo 0.125 35 gain -6 trim $L

calm_chords=(
  "146.83 174.61 220.00 293.66"
  "116.54 146.83 174.61 233.08"
  "98.00 146.83 196.00 233.08"
  "110.00 146.83 164.81 220.00"
)
parts=()
i=0
for chord in "${calm_chords[@]}"; do
  spec=()
  for f in $chord; do spec+=(triangle "$f" sine "$(awk "BEGIN { printf \"%.3f\", $f * 2.003 }")"); done
  tones "$T/calm-pad$i.wav" 20 "${spec[@]}" -- \
    lowpass 900 tremolo 0.25 30 fade h 5 20 5 gain -10 pad $((i * 16))
  parts+=("$T/calm-pad$i.wav")
  i=$((i + 1))
done
mix "$T/calm-pads.wav" "${parts[@]}"
"${SOX[@]}" "$T/calm-pads.wav" "$T/calm-pads-rev.wav" pad 0 4 reverb 40 50 90 100 20
mix "$T/calm-full.wav" "$T/calm-drone.wav" "$T/calm-pads-rev.wav"
fold "$T/calm-full.wav" "$T/calm.wav"
vorbis "$T/calm.wav" music-calm 0 -6

# ---------------------------------------------------------------------------------------------
# Music, tense: a low A drone against its tritone, a slow heartbeat pulse, dark clusters with
# a quicker tremolo (8 s each), and a faint high tone that swells and fades.
# ---------------------------------------------------------------------------------------------
tones "$T/tense-drone.wav" $((2 * L)) sine 55 sine 55.25 triangle 77.75 sine 110 -- \
  lowpass 400 tremolo 0.25 45 gain -6 trim $L

# Heartbeat: a pair of soft low thumps every 2 s.
beat() {
  noise "$T/beat-n.wav" 0.35 brownnoise lowpass 120 fade q 0.005 0.35 0.3 gain -4
  tones "$T/beat-s.wav" 0.35 sine 58:38 -- fade q 0.005 0.35 0.32
  mix "$T/beat1.wav" "$T/beat-n.wav" "$T/beat-s.wav"
  "${SOX[@]}" "$T/beat1.wav" "$T/beat2.wav" gain -5 pad 0.32
  mix "$T/beat.wav" "$T/beat1.wav" "$T/beat2.wav"
  "${SOX[@]}" "$T/beat.wav" "$T/beat-2s.wav" pad 0 1.4 trim 0 2
  "${SOX[@]}" "$T/beat-2s.wav" "$T/beats.wav" repeat $((L / 2 - 1)) gain -9
}
beat

tense_chords=(
  "110.00 116.54 130.81"
  "103.83 110.00 155.56"
  "98.00 103.83 146.83"
  "110.00 130.81 155.56"
  "92.50 110.00 116.54"
  "103.83 123.47 146.83"
  "98.00 116.54 138.59"
  "110.00 116.54 164.81"
)
parts=()
i=0
for chord in "${tense_chords[@]}"; do
  spec=()
  for f in $chord; do spec+=(sine "$f" triangle "$(awk "BEGIN { printf \"%.3f\", $f * 0.997 }")"); done
  tones "$T/tense-pad$i.wav" 10 "${spec[@]}" -- \
    lowpass 700 tremolo 0.5 40 fade h 2.5 10 2.5 gain -12 pad $((i * 8))
  parts+=("$T/tense-pad$i.wav")
  i=$((i + 1))
done
mix "$T/tense-pads.wav" "${parts[@]}"
"${SOX[@]}" "$T/tense-pads.wav" "$T/tense-pads-rev.wav" pad 0 4 reverb 50 50 100 100 10
tones "$T/tense-high.wav" 24 sine 880 sine 932.33 -- tremolo 0.125 60 fade h 10 24 12 gain -34 pad 30
mix "$T/tense-full.wav" "$T/tense-drone.wav" "$T/beats.wav" "$T/tense-pads-rev.wav" "$T/tense-high.wav"
fold "$T/tense-full.wav" "$T/tense.wav"
vorbis "$T/tense.wav" music-tense 0 -6

# ---------------------------------------------------------------------------------------------
# Effects
# ---------------------------------------------------------------------------------------------
# ui-click: a short soft tick.
tones "$T/click.wav" 0.06 sine 1320 sine 2640 -- fade q 0.002 0.06 0.055 pad 0 0.02
vorbis "$T/click.wav" ui-click 3 -8

# ui-hover: a barely-there tick, much quieter.
tones "$T/hover.wav" 0.04 sine 2200 -- fade q 0.003 0.04 0.035 pad 0 0.02
vorbis "$T/hover.wav" ui-hover 3 -26

# order-queued: two quick rising blips.
tones "$T/oq1.wav" 0.09 triangle 659.25 sine 1318.5 -- fade q 0.004 0.09 0.07
tones "$T/oq2.wav" 0.14 triangle 987.77 sine 1975.5 -- fade q 0.004 0.14 0.12 pad 0.08
mix "$T/oq.wav" "$T/oq1.wav" "$T/oq2.wav"
"${SOX[@]}" "$T/oq.wav" "$T/oq-r.wav" pad 0 0.15 reverb 20 50 40
vorbis "$T/oq-r.wav" order-queued 3 -8

# end-turn: a low falling swell settling on an open fifth.
tones "$T/et1.wav" 0.9 sine 196:146.83 triangle 293.66:220 -- fade h 0.02 0.9 0.5
tones "$T/et2.wav" 0.9 sine 146.83 sine 220 triangle 293.66 -- fade h 0.05 0.9 0.6 gain -4 pad 0.25
mix "$T/et.wav" "$T/et1.wav" "$T/et2.wav"
"${SOX[@]}" "$T/et.wav" "$T/et-r.wav" lowpass 2000 pad 0 0.4 reverb 40 50 70
vorbis "$T/et-r.wav" end-turn 3 -6

# combat: distant thuds over a low rumble.
noise "$T/rumble.wav" 2.6 brownnoise lowpass 90 fade h 0.4 2.6 1.2 gain -8
parts=("$T/rumble.wav")
n=0
for at in 0.00 0.45 0.70 1.30 1.75; do
  noise "$T/thud$n-n.wav" 0.7 brownnoise lowpass 160 fade q 0.004 0.7 0.65
  tones "$T/thud$n-s.wav" 0.5 sine 70:40 -- fade q 0.004 0.5 0.45 gain -3
  mix "$T/thud$n.wav" "$T/thud$n-n.wav" "$T/thud$n-s.wav"
  "${SOX[@]}" "$T/thud$n.wav" "$T/thud$n-p.wav" gain -$((n % 3 * 3)) pad "$at"
  parts+=("$T/thud$n-p.wav")
  n=$((n + 1))
done
mix "$T/combat.wav" "${parts[@]}"
"${SOX[@]}" "$T/combat.wav" "$T/combat-r.wav" pad 0 0.5 reverb 60 40 100
vorbis "$T/combat-r.wav" combat 3 -4

# airstrike: a rising whoosh with a falling pitch, then a heavy boom.
noise "$T/whoosh-n.wav" 1.3 pinknoise highpass 300 lowpass 3500 fade t 1.1 1.3 0.12 gain -10
tones "$T/whoosh-s.wav" 1.3 sine 1500:400 -- fade t 1.1 1.3 0.12 gain -26
mix "$T/whoosh.wav" "$T/whoosh-n.wav" "$T/whoosh-s.wav"
noise "$T/boom-n.wav" 2.0 brownnoise lowpass 220 fade q 0.003 2.0 1.9
tones "$T/boom-s.wav" 1.2 sine 62:28 -- fade q 0.003 1.2 1.15 gain -1
noise "$T/boom-c.wav" 0.15 whitenoise lowpass 2500 fade q 0.001 0.15 0.14 gain -8
mix "$T/boom.wav" "$T/boom-n.wav" "$T/boom-s.wav" "$T/boom-c.wav"
"${SOX[@]}" "$T/boom.wav" "$T/boom-p.wav" pad 1.22
mix "$T/strike.wav" "$T/whoosh.wav" "$T/boom-p.wav"
"${SOX[@]}" "$T/strike.wav" "$T/strike-r.wav" pad 0 0.6 reverb 50 50 100
vorbis "$T/strike-r.wav" airstrike 3 -3

# alert: two tones, high-low, twice.
tones "$T/al-hi.wav" 0.16 triangle 880 sine 1760 -- fade q 0.005 0.16 0.03
tones "$T/al-lo.wav" 0.16 triangle 659.25 sine 1318.5 -- fade q 0.005 0.16 0.03
"${SOX[@]}" "$T/al-hi.wav" "$T/al-lo.wav" "$T/al-hi.wav" "$T/al-lo.wav" "$T/al.wav" gain -3
"${SOX[@]}" "$T/al.wav" "$T/al-r.wav" pad 0 0.2 reverb 20 50 40
vorbis "$T/al-r.wav" alert 3 -6

# event-sting: a short dark chord (D minor add 9), plucked.
tones "$T/sting.wav" 1.4 triangle 146.83 triangle 220 sine 293.66 sine 349.23 sine 329.63 triangle 440 -- \
  lowpass 2500 fade q 0.01 1.4 1.2
"${SOX[@]}" "$T/sting.wav" "$T/sting-r.wav" pad 0 0.6 reverb 50 50 90
vorbis "$T/sting-r.wav" event-sting 3 -5

# ending: a longer chord that swells and resolves (Bb major 7 over D, then D minor).
tones "$T/end1.wav" 2.4 triangle 116.54 sine 146.83 triangle 174.61 sine 220 sine 293.66 -- \
  lowpass 1800 fade h 0.6 2.4 1.0 gain -2
tones "$T/end2.wav" 3.4 triangle 73.42 triangle 146.83 sine 174.61 sine 220 sine 293.66 triangle 349.23 -- \
  lowpass 1800 tremolo 0.5 20 fade h 0.5 3.4 2.4 pad 1.8
mix "$T/end.wav" "$T/end1.wav" "$T/end2.wav"
"${SOX[@]}" "$T/end.wav" "$T/end-r.wav" pad 0 0.8 reverb 60 50 100
vorbis "$T/end-r.wav" ending 3 -4

# ---------------------------------------------------------------------------------------------
for f in "$OUT"/*.ogg; do
  printf '%-28s %7d bytes  %6.2f s\n' "$f" "$(stat -c %s "$f")" "$(soxi -D "$f")"
done
