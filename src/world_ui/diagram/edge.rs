//! One edge of the diagram: a curve with an arrow, lit when the last step travelled it,
//! with the last result on it as a label.

use yew::prelude::*;

use crate::world_ui::diagram_model::EdgeView;
use crate::world_ui::layout::{Rect, curve, curve_down, fixed1, midpoint};

/// Props of [`EdgeLine`].
#[derive(Properties, PartialEq)]
pub struct EdgeLineProps {
    /// What to draw.
    pub edge: EdgeView,
    /// The box it starts at.
    pub from: Rect,
    /// The box it ends at.
    pub to: Rect,
    /// The stacked layout: edges run downwards.
    pub stacked: bool,
}

/// An edge.
#[component]
pub fn EdgeLine(props: &EdgeLineProps) -> Html {
    let e = &props.edge;
    let (from, to) = (props.from, props.to);
    // Instances: credentials leave from the metadata-service box (to STS), requests from
    // the application box (to buckets).
    let start = if e.from.starts_with("instance:") {
        if e.to == "sts" {
            (from.x + from.w, from.y + from.h - 36.0)
        } else {
            (from.x + from.w, from.y + from.h - 14.0)
        }
    } else {
        from.right_mid()
    };
    let end = to.left_mid();
    let (start, end, d) = if props.stacked {
        // Downwards: from the bottom of one row to the top of the next; an instance's
        // credentials leave from its left part (to STS), its requests from its right.
        let start = if e.from.starts_with("instance:") && e.to != "sts" {
            (from.x + from.w - 18.0, from.y + from.h)
        } else if e.from.starts_with("instance:") {
            (from.x + 40.0, from.y + from.h)
        } else {
            (from.x + from.w / 2.0, from.y + from.h)
        };
        let end = if e.to.starts_with("bucket:") {
            (to.x + to.w - 40.0, to.y - 2.0)
        } else {
            (to.x + to.w / 2.0, to.y - 2.0)
        };
        (start, end, curve_down(start, end))
    } else {
        (start, end, curve(start, (end.0 - 2.0, end.1)))
    };
    let (mx, my) = midpoint(start, end);
    let label_w = e
        .label
        .as_ref()
        .map(|l| l.chars().count() as f64 * 6.4 + 12.0)
        .unwrap_or(0.0);
    html! {
        <g class={classes!("flow-edge", format!("t-{}", e.tone.class()), e.lit.then_some("lit"))}
           data-testid={format!("edge-{}-{}", e.from, e.to)}>
            <path class="flow-path" d={d} marker-end="url(#flow-arrow)" />
            if let Some(label) = &e.label {
                <g class="flow-label" data-testid="edge-label">
                    <rect x={fixed1(mx - label_w / 2.0)} y={fixed1(my - 10.0)}
                          width={fixed1(label_w)} height="19" rx="9" />
                    <text x={fixed1(mx)} y={fixed1(my + 4.0)}
                          text-anchor="middle">{ label.clone() }</text>
                </g>
            }
        </g>
    }
}
