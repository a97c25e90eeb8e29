// Converts the canton shapes of the npm package `swiss-maps` (TopoJSON,
// WGS84) into the small data file `crates/gateway/data/cantons.json` that
// `iiz` embeds: per canton its abbreviation, an SVG path in a fixed viewBox
// and a point for its label. Run by hand, never by the build:
//
//   cd /tmp && npm pack swiss-maps@4.7.0 && tar xzf swiss-maps-4.7.0.tgz
//   node tools/swiss-map/convert.mjs /tmp/package/2026/ch-combined.json \
//     > crates/gateway/data/cantons.json
//
// No dependencies: the TopoJSON arcs are decoded here, projected to the
// Swiss grid (LV95, swisstopo's approximate formulas), simplified once per
// arc (Douglas–Peucker), so neighbouring cantons keep one shared border,
// and written as relative path commands in whole units of the viewBox.

import { readFileSync } from "node:fs";

const SOURCE_VERSION = "4.7.0";
/// Width of the viewBox; the height follows from Switzerland's extent.
const WIDTH = 1000;
/// Points nearer than this (viewBox units) to the simplified line go.
const TOLERANCE = 0.6;
/// Lakes smaller than this (square viewBox units) are left out.
const MIN_LAKE_AREA = 150;

// The Federal Statistical Office's canton numbers, which `swiss-maps` uses
// as the ids of the canton features.
const CANTONS = [
  "ZH", "BE", "LU", "UR", "SZ", "OW", "NW", "GL", "ZG", "FR", "SO", "BS", "BL",
  "SH", "AR", "AI", "SG", "GR", "AG", "TG", "TI", "VD", "VS", "NE", "GE", "JU",
];

const file = process.argv[2];
if (!file) {
  console.error("usage: node convert.mjs <swiss-maps>/<year>/ch-combined.json");
  process.exit(2);
}
const topology = JSON.parse(readFileSync(file, "utf8"));

/// WGS84 degrees to LV95 metres (swisstopo, "Approximate formulas for the
/// transformation between Swiss projection coordinates and WGS84").
function lv95([lon, lat]) {
  const phi = (lat * 3600 - 169028.66) / 10000;
  const lambda = (lon * 3600 - 26782.5) / 10000;
  const east =
    2600072.37 + 211455.93 * lambda - 10938.51 * lambda * phi -
    0.36 * lambda * phi ** 2 - 44.54 * lambda ** 3;
  const north =
    1200147.07 + 308807.95 * phi + 3745.25 * lambda ** 2 + 76.63 * phi ** 2 -
    194.56 * lambda ** 2 * phi + 119.79 * phi ** 3;
  return [east, north];
}

// Decode the quantized, delta-encoded arcs into LV95 coordinates.
const [scaleX, scaleY] = topology.transform.scale;
const [moveX, moveY] = topology.transform.translate;
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return lv95([x * scaleX + moveX, y * scaleY + moveY]);
  });
});

// The extent of the country fixes the viewBox.
const countryArcs = new Set(
  topology.objects.country.geometries.flatMap((g) => rings(g).flat()).map(index),
);
let [minE, minN, maxE, maxN] = [Infinity, Infinity, -Infinity, -Infinity];
for (const i of countryArcs) {
  for (const [e, n] of arcs[i]) {
    minE = Math.min(minE, e);
    maxE = Math.max(maxE, e);
    minN = Math.min(minN, n);
    maxN = Math.max(maxN, n);
  }
}
const scale = (WIDTH - 20) / (maxE - minE);
const height = Math.ceil((maxN - minN) * scale + 20);
const toView = ([e, n]) => [(e - minE) * scale + 10, (maxN - n) * scale + 10];

function index(arc) {
  return arc < 0 ? ~arc : arc;
}

function rings(geometry) {
  if (geometry.type === "Polygon") return geometry.arcs;
  if (geometry.type === "MultiPolygon") return geometry.arcs.flat();
  return [];
}

function simplify(points) {
  if (points.length < 3) return points;
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = TOLERANCE;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const d =
        length === 0
          ? Math.hypot(px - ax, py - ay)
          : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// Each arc is simplified once, so both cantons along it share the result.
const simplified = arcs.map((arc) => simplify(arc.map(toView)));

function ringPoints(ring) {
  const points = [];
  for (const arc of ring) {
    const line = arc < 0 ? [...simplified[~arc]].reverse() : simplified[arc];
    points.push(...(points.length ? line.slice(1) : line));
  }
  return points.map(([x, y]) => [Math.round(x), Math.round(y)]);
}

function area(points) {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/// The point inside the canton farthest from its borders (searched on a
/// grid), where its abbreviation is written: a centroid can fall outside,
/// as St. Gallen's does, in the two Appenzells it surrounds.
function labelPoint(allRings) {
  const points = allRings.flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const step = Math.max(1, Math.min(x1 - x0, y1 - y0) / 60);
  let best = [Math.round((x0 + x1) / 2), Math.round((y0 + y1) / 2)];
  let bestDistance = -1;
  for (let x = x0; x <= x1; x += step) {
    for (let y = y0; y <= y1; y += step) {
      if (!inside(allRings, x, y)) continue;
      const distance = edgeDistance(allRings, x, y);
      if (distance > bestDistance) {
        bestDistance = distance;
        best = [Math.round(x), Math.round(y)];
      }
    }
  }
  return best;
}

/// Even–odd rule over every ring, so holes count as outside.
function inside(allRings, x, y) {
  let odd = false;
  for (const ring of allRings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

function edgeDistance(allRings, x, y) {
  let nearest = Infinity;
  for (const ring of allRings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j];
      const [bx, by] = ring[i];
      const length2 = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length2));
      nearest = Math.min(nearest, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
    }
  }
  return nearest;
}

function pathOf(allRings) {
  let d = "";
  for (const points of allRings) {
    // Rounding can collapse consecutive points: drop the repeats.
    const unique = points.filter(
      (p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1],
    );
    if (unique.length < 4) continue;
    let [x, y] = unique[0];
    d += `M${x} ${y}l`;
    const steps = [];
    for (const [px, py] of unique.slice(1, -1)) {
      steps.push(`${px - x} ${py - y}`);
      [x, y] = [px, py];
    }
    d += steps.join(" ").replace(/ -/g, "-") + "z";
  }
  return d;
}

const cantons = topology.objects.cantons.geometries
  .map((geometry) => {
    const code = CANTONS[geometry.id - 1];
    const all = rings(geometry).map(ringPoints);
    return { code, number: geometry.id, label: labelPoint(all), d: pathOf(all) };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const lakes = pathOf(
  topology.objects.lakes.geometries
    .flatMap((geometry) => rings(geometry).map(ringPoints))
    .filter((points) => Math.abs(area(points)) >= MIN_LAKE_AREA),
);

const out = {
  source: {
    package: "swiss-maps",
    version: SOURCE_VERSION,
    file: file.replace(/^.*?(\d{4}(-\d\d)?\/ch-combined\.json)$/, "$1"),
    licence: "BSD-3-Clause, © Interactive Things GmbH; geodata © FSO / swisstopo",
  },
  width: WIDTH,
  height,
  cantons,
  lakes,
};
process.stdout.write(JSON.stringify(out) + "\n");
