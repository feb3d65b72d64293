#!/usr/bin/env bash
# Makes the 1080p frame sets of docs/performance.md (§ Speed, by frame size) from the 720p ones: the same pictures
# enlarged 1.5x with nearest-neighbour (so they stay as flat as the originals), once as libpng writes them (ImageMagick:
# adaptive row filters, as most tools' PNGs) and once as ffmpeg writes them (every row unfiltered, the cheapest PNG to
# decode and so the hardest case for "end to end >= 0.9x decode only").
#
# Usage: make-1080p-sets.sh DEV_FRAMES SAMPLE_FRAMES OUT_DIR
#   DEV_FRAMES, SAMPLE_FRAMES: folders of 720p PNGs (the benchmark's /tmp/benchframes and /tmp/sampleframes);
#   the first 200 of each (by name) are used. Needs ImageMagick (convert) and ffmpeg.
set -euo pipefail
dev=$1
sample=$2
out=$3
mkdir -p "$out/dev1080" "$out/sample1080" "$out/dev1080n" "$out/sample1080n"
enlarge() { # SRC_DIR DEST_DIR
    ls "$1" | sort | head -200 | xargs -P"$(nproc)" -I{} convert "$1/{}" -filter point -resize 1920x1080 "png24:$2/{}"
}
unfilter() { # SRC_DIR DEST_DIR
    ls "$1" | xargs -P"$(nproc)" -I{} ffmpeg -loglevel error -y -i "$1/{}" -pix_fmt rgb24 "$2/{}"
}
enlarge "$dev" "$out/dev1080"
enlarge "$sample" "$out/sample1080"
unfilter "$out/dev1080" "$out/dev1080n"
unfilter "$out/sample1080" "$out/sample1080n"
