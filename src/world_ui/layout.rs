//! Where each node of the flow diagram goes: one column per kind of thing (role, instance
//! profile, instance, STS, bucket), one row per item, so nothing ever overlaps.
//!
//! Pure geometry, no web types: unit-tested on the host.

/// The kinds of node, in the order their columns appear from left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An IAM role (trust policy + permission policies).
    Role,
    /// An instance profile, the container EC2 attaches.
    Profile,
    /// An EC2 instance with its metadata service and application.
    Instance,
    /// The Security Token Service (one node).
    Sts,
    /// An S3 bucket.
    Bucket,
}

impl Kind {
    /// Every kind, left to right.
    pub const ALL: [Kind; 5] = [
        Kind::Role,
        Kind::Profile,
        Kind::Instance,
        Kind::Sts,
        Kind::Bucket,
    ];

    /// The column index of this kind.
    pub fn column(self) -> usize {
        match self {
            Kind::Role => 0,
            Kind::Profile => 1,
            Kind::Instance => 2,
            Kind::Sts => 3,
            Kind::Bucket => 4,
        }
    }

    /// The column heading shown above the nodes.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Role => "IAM role",
            Kind::Profile => "Instance profile",
            Kind::Instance => "EC2 instance",
            Kind::Sts => "STS",
            Kind::Bucket => "S3 bucket",
        }
    }
}

/// Sizes of the drawing, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Width of every node.
    pub node_width: f64,
    /// Height of a node of each kind but instances.
    pub node_height: f64,
    /// Height of an instance node (it holds the metadata service and the application).
    pub instance_height: f64,
    /// Horizontal space between columns.
    pub column_gap: f64,
    /// Vertical space between rows.
    pub row_gap: f64,
    /// Space around the drawing and above the first row (for the column headings).
    pub margin: f64,
    /// Height of the headings band above the first row.
    pub heading: f64,
    /// Height of the STS node (drawn in its column's heading band).
    pub sts_height: f64,
    /// Extra width on the right of the stacked layout, for edge labels.
    pub label_room: f64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            node_width: 232.0,
            node_height: 74.0,
            instance_height: 112.0,
            column_gap: 36.0,
            row_gap: 18.0,
            margin: 12.0,
            heading: 26.0,
            sts_height: 60.0,
            label_room: 64.0,
        }
    }
}

/// A rectangle in the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The middle of the right edge (where outgoing edges start).
    pub fn right_mid(&self) -> (f64, f64) {
        (self.x + self.w, self.y + self.h / 2.0)
    }

    /// The middle of the left edge (where incoming edges end).
    pub fn left_mid(&self) -> (f64, f64) {
        (self.x, self.y + self.h / 2.0)
    }
}

/// One placed node: its kind, its row within the column and its box.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The node's kind (its column).
    pub kind: Kind,
    /// The row within its column, from 0.
    pub row: usize,
    /// Where it is drawn.
    pub rect: Rect,
}

/// The whole layout: every node's box, each kind's heading position, the drawing size.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The nodes, in the order they were given.
    pub nodes: Vec<Placed>,
    /// The x of each column's left edge, by `Kind::column()` (the left margin for every
    /// kind in the stacked layout).
    pub columns: [f64; 5],
    /// Where each kind's heading goes (its left edge and baseline); STS has none.
    pub headings: Vec<(Kind, f64, f64)>,
    /// True for the stacked layout (a row per kind), false for columns.
    pub stacked: bool,
    /// Width of the whole drawing.
    pub width: f64,
    /// Height of the whole drawing.
    pub height: f64,
}

/// Lays out nodes given as a list of kinds (several of a kind are stacked in rows, in the
/// order given). Each column starts below its heading; every column is as tall as it needs
/// to be. STS (a service, not an item) sits at the very top of its column in place of a
/// heading, so the edges from instances to buckets pass beneath it.
pub fn layout(kinds: &[Kind], m: &Metrics) -> Layout {
    let mut columns = [0.0; 5];
    for (i, x) in columns.iter_mut().enumerate() {
        *x = m.margin + i as f64 * (m.node_width + m.column_gap);
    }
    let height_of = |kind: Kind| match kind {
        Kind::Instance => m.instance_height,
        _ => m.node_height,
    };
    let top = m.margin + m.heading;
    // Column heights, to centre STS.
    let mut col_bottom = [top; 5];
    let mut nodes = Vec::with_capacity(kinds.len());
    let mut rows = [0usize; 5];
    for &kind in kinds {
        let c = kind.column();
        let (Some(x), Some(row), Some(y)) =
            (columns.get(c), rows.get_mut(c), col_bottom.get_mut(c))
        else {
            continue;
        };
        let h = height_of(kind);
        nodes.push(Placed {
            kind,
            row: *row,
            rect: Rect {
                x: *x,
                y: *y,
                w: m.node_width,
                h,
            },
        });
        *row += 1;
        *y += h + m.row_gap;
    }
    let tallest = col_bottom.iter().copied().fold(top, f64::max);
    for node in nodes.iter_mut().filter(|n| n.kind == Kind::Sts) {
        node.rect.y -= m.heading;
        node.rect.h = m.sts_height;
    }
    let width = m.margin * 2.0 + 5.0 * m.node_width + 4.0 * m.column_gap;
    let height = (tallest - m.row_gap + m.margin).max(top + m.node_height + m.margin);
    let headings = Kind::ALL
        .iter()
        .filter(|k| **k != Kind::Sts)
        .filter_map(|k| Some((*k, *columns.get(k.column())? + 4.0, m.margin + 14.0)))
        .collect();
    Layout {
        nodes,
        columns,
        headings,
        stacked: false,
        width,
        height,
    }
}

/// The layout for narrow screens: a row per kind, from the top (role) to the bottom
/// (bucket), items side by side. STS is narrower and sits at the left of its row, so the
/// edges from instances to buckets, which leave from the instances' right side, pass by.
pub fn layout_stacked(kinds: &[Kind], m: &Metrics) -> Layout {
    let height_of = |kind: Kind| match kind {
        Kind::Instance => m.instance_height,
        Kind::Sts => m.sts_height,
        _ => m.node_height,
    };
    let mut counts = [0usize; 5];
    for k in kinds {
        if let Some(c) = counts.get_mut(k.column()) {
            *c += 1;
        }
    }
    // Each row's top, and its height (its tallest node).
    let mut tops = [0.0; 5];
    let mut y = m.margin;
    let mut headings = Vec::new();
    for k in Kind::ALL {
        let c = k.column();
        let heading = if k == Kind::Sts { 0.0 } else { m.heading };
        if k != Kind::Sts {
            headings.push((k, m.margin + 4.0, y + 14.0));
        }
        if let Some(t) = tops.get_mut(c) {
            *t = y + heading;
        }
        let present = counts.get(c).copied().unwrap_or(0) > 0;
        let row_h = if present { height_of(k) } else { 0.0 };
        y += heading + row_h + m.row_gap * 1.6;
    }
    let mut slots = [0usize; 5];
    let mut nodes = Vec::with_capacity(kinds.len());
    let mut widest: f64 = m.node_width;
    for &kind in kinds {
        let c = kind.column();
        let (Some(slot), Some(top)) = (slots.get_mut(c), tops.get(c)) else {
            continue;
        };
        let w = if kind == Kind::Sts {
            m.node_width * 0.6
        } else {
            m.node_width
        };
        let x = m.margin + *slot as f64 * (m.node_width + m.column_gap);
        widest = widest.max(x + w - m.margin);
        nodes.push(Placed {
            kind,
            row: *slot,
            rect: Rect {
                x,
                y: *top,
                w,
                h: height_of(kind),
            },
        });
        *slot += 1;
    }
    Layout {
        nodes,
        columns: [m.margin; 5],
        headings,
        stacked: true,
        // Room on the right for the labels of edges that leave instances from the right.
        width: widest + 2.0 * m.margin + m.label_room,
        height: y - m.row_gap * 1.6 + m.margin,
    }
}

/// A smooth horizontal S-curve from `from` to `to` (an SVG path `d`).
pub fn curve(from: (f64, f64), to: (f64, f64)) -> String {
    let dx = ((to.0 - from.0) / 2.0).abs().max(20.0);
    path([from, (from.0 + dx, from.1), (to.0 - dx, to.1), to])
}

/// A smooth vertical S-curve from `from` to `to` (an SVG path `d`).
pub fn curve_down(from: (f64, f64), to: (f64, f64)) -> String {
    let dy = ((to.1 - from.1) / 2.0).abs().max(16.0);
    path([from, (from.0, from.1 + dy), (to.0, to.1 - dy), to])
}

/// The SVG path `M{a} C{b} {c} {d}` of a cubic Bézier, with one decimal.
fn path([a, b, c, d]: [(f64, f64); 4]) -> String {
    let mut out = String::with_capacity(64);
    for (lead, (x, y)) in [("M", a), (" C", b), (" ", c), (" ", d)] {
        out.push_str(lead);
        out.push_str(&fixed1(x));
        out.push(',');
        out.push_str(&fixed1(y));
    }
    out
}

/// `v` rounded to a whole number, exactly as `format!("{v:.0}")` prints it (for SVG
/// attributes). Like [`fixed1`], it avoids core's float formatting, which would add
/// about 10 KB to the wasm; meant for coordinates (|v| < 10^15).
pub fn fixed0(v: f64) -> String {
    fixed(v, v.abs().round_ties_even(), false)
}

/// `v` with one digit after the point, exactly as `format!("{v:.1}")` prints it.
pub fn fixed1(v: f64) -> String {
    let a = v.abs();
    // a * 10 = a * 8 + a * 2, both exact; `low` is what their sum lost (Knuth's TwoSum),
    // so a tie is decided on the exact product, as core's formatting decides it
    // (0.05 is slightly above 0.05 and prints 0.1; 0.25 is exact and prints 0.2).
    let (eight, two) = (a * 8.0, a * 2.0);
    let tenths = eight + two;
    let back = tenths - eight;
    let low = (eight - (tenths - back)) + (two - back);
    let rounded = if tenths - tenths.floor() == 0.5 && low != 0.0 {
        if low > 0.0 {
            tenths.ceil()
        } else {
            tenths.floor()
        }
    } else {
        tenths.round_ties_even()
    };
    fixed(v, rounded, true)
}

/// Writes the sign of `v` and `scaled` (|v| already rounded, in tenths when `tenth`).
fn fixed(v: f64, scaled: f64, tenth: bool) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // Saturates far beyond any coordinate.
    let n = scaled as u64;
    if tenth {
        out.push_str(&(n / 10).to_string());
        out.push('.');
        out.push(char::from(b'0' + (n % 10) as u8));
    } else {
        out.push_str(&n.to_string());
    }
    out
}

/// The point halfway along the straight line between two points (where edge labels go).
pub fn midpoint(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_prints_what_core_formatting_prints() {
        let mut seed = 12_345u64;
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.25,
            0.35,
            0.05,
            0.15,
            12.25,
            12.75,
            -0.04,
            -3.25,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e15,
        ];
        for i in 0..20_000u32 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let random = (seed >> 11) as f64 / (1u64 << 53) as f64 * 4000.0 - 2000.0;
            let i = f64::from(i);
            values.extend([
                i / 40.0,
                -i / 20.0,
                random,
                (i * 6.4 + 12.0) / 2.0,
                i * 0.05 + 0.05,
            ]);
        }
        for v in values {
            assert_eq!(fixed0(v), format!("{v:.0}"), "{v:?}");
            assert_eq!(fixed1(v), format!("{v:.1}"), "{v:?}");
        }
    }

    impl Rect {
        /// True when the two rectangles share any interior point.
        fn overlaps(&self, other: &Rect) -> bool {
            self.x < other.x + other.w
                && other.x < self.x + self.w
                && self.y < other.y + other.h
                && other.y < self.y + self.h
        }
    }

    #[test]
    fn one_column_per_kind_one_row_per_item() {
        let m = Metrics::default();
        let kinds = [
            Kind::Role,
            Kind::Role,
            Kind::Profile,
            Kind::Instance,
            Kind::Instance,
            Kind::Instance,
            Kind::Sts,
            Kind::Bucket,
        ];
        let l = layout(&kinds, &m);
        assert_eq!(l.nodes.len(), kinds.len());
        // Same column => same x; rows increase.
        let roles: Vec<_> = l.nodes.iter().filter(|n| n.kind == Kind::Role).collect();
        assert_eq!(roles[0].rect.x, roles[1].rect.x);
        assert_eq!(roles[0].row, 0);
        assert_eq!(roles[1].row, 1);
        assert!(roles[1].rect.y > roles[0].rect.y);
        // Columns go left to right in the flow's order.
        let x = |k: Kind| l.nodes.iter().find(|n| n.kind == k).unwrap().rect.x;
        assert!(x(Kind::Role) < x(Kind::Profile));
        assert!(x(Kind::Profile) < x(Kind::Instance));
        assert!(x(Kind::Instance) < x(Kind::Sts));
        assert!(x(Kind::Sts) < x(Kind::Bucket));
    }

    #[test]
    fn no_two_nodes_overlap_and_all_fit() {
        let m = Metrics::default();
        let mut kinds = Vec::new();
        for i in 0..7 {
            kinds.push(Kind::ALL[i % 5]);
            kinds.push(Kind::Instance);
        }
        let l = layout(&kinds, &m);
        for (i, a) in l.nodes.iter().enumerate() {
            assert!(a.rect.x >= 0.0 && a.rect.y >= 0.0);
            assert!(a.rect.x + a.rect.w <= l.width + 1e-9);
            assert!(a.rect.y + a.rect.h <= l.height + 1e-9);
            for b in l.nodes.iter().skip(i + 1) {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn instances_are_taller_and_sts_sits_at_the_top() {
        let m = Metrics::default();
        let l = layout(
            &[Kind::Instance, Kind::Instance, Kind::Sts, Kind::Bucket],
            &m,
        );
        assert_eq!(l.nodes[0].rect.h, m.instance_height);
        let sts = &l.nodes[2].rect;
        assert_eq!(sts.y, m.margin);
        assert_eq!(sts.h, m.sts_height);
        // The first bucket starts below the headings, so the edge from the application
        // (in the lower half of the instance) to the bucket passes under STS.
        let bucket = &l.nodes[3].rect;
        assert_eq!(bucket.y, m.margin + m.heading);
        assert!(sts.y + sts.h < l.nodes[0].rect.y + l.nodes[0].rect.h / 2.0);
    }

    #[test]
    fn stacked_layout_has_a_row_per_kind_and_no_overlap() {
        let m = Metrics::default();
        let kinds = [
            Kind::Role,
            Kind::Profile,
            Kind::Profile,
            Kind::Instance,
            Kind::Instance,
            Kind::Sts,
            Kind::Bucket,
        ];
        let l = layout_stacked(&kinds, &m);
        assert!(l.stacked);
        let y = |k: Kind| l.nodes.iter().find(|n| n.kind == k).unwrap().rect.y;
        assert!(y(Kind::Role) < y(Kind::Profile));
        assert!(y(Kind::Profile) < y(Kind::Instance));
        assert!(y(Kind::Instance) < y(Kind::Sts));
        assert!(y(Kind::Sts) < y(Kind::Bucket));
        // Two profiles side by side.
        let profiles: Vec<_> = l.nodes.iter().filter(|n| n.kind == Kind::Profile).collect();
        assert_eq!(profiles[0].rect.y, profiles[1].rect.y);
        assert!(profiles[1].rect.x >= profiles[0].rect.x + m.node_width);
        for (i, a) in l.nodes.iter().enumerate() {
            assert!(a.rect.x + a.rect.w <= l.width + 1e-9);
            assert!(a.rect.y + a.rect.h <= l.height + 1e-9);
            for b in l.nodes.iter().skip(i + 1) {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
        // STS is narrow enough for the instance → bucket edges (from the right) to pass.
        let sts = l.nodes.iter().find(|n| n.kind == Kind::Sts).unwrap().rect;
        assert!(sts.x + sts.w < m.margin + m.node_width - 40.0);
        assert_eq!(l.headings.len(), 4);
    }

    #[test]
    fn empty_layout_still_has_room_for_headings() {
        let m = Metrics::default();
        let l = layout(&[], &m);
        assert!(l.nodes.is_empty());
        assert!(l.height >= m.margin + m.heading + m.node_height);
        assert!((l.width - (2.0 * 12.0 + 5.0 * 232.0 + 4.0 * 36.0)).abs() < 1e-9);
    }

    #[test]
    fn overlap_is_strict() {
        let a = Rect {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
        };
        let b = Rect {
            x: 10.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
        };
        let c = Rect {
            x: 9.0,
            y: 9.0,
            w: 10.0,
            h: 10.0,
        };
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c));
    }

    #[test]
    fn curve_is_a_cubic_between_the_points() {
        assert_eq!(
            curve((0.0, 0.0), (100.0, 50.0)),
            "M0.0,0.0 C50.0,0.0 50.0,50.0 100.0,50.0"
        );
        assert_eq!(
            curve_down((0.0, 0.0), (100.0, 50.0)),
            "M0.0,0.0 C0.0,25.0 100.0,25.0 100.0,50.0"
        );
        assert_eq!(midpoint((0.0, 0.0), (100.0, 50.0)), (50.0, 25.0));
    }
}
