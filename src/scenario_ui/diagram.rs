//! The flow diagram of the scenario's world, drawn from the world page's pure model
//! (`world_ui::diagram_model`) and layout, with the shown step's events lit. The world
//! page's own component reads its store, so this is a read-only drawing of the same model
//! with the same classes.

use std::rc::Rc;

use yew::prelude::*;

use crate::world_ui::diagram_model::{DiagramModel, EdgeView, NodeView};
use crate::world_ui::layout::{Kind, Metrics, Rect, curve, fixed0, fixed1, layout, midpoint};
use crate::world_ui::text::clip;

/// Props of [`ScenarioDiagram`].
#[derive(Properties, PartialEq)]
pub struct ScenarioDiagramProps {
    /// What to draw.
    pub model: Rc<DiagramModel>,
    /// Narrower boxes, so the drawing scales up where it is shown large (presenter mode).
    #[prop_or_default]
    pub narrow: bool,
}

/// The diagram.
#[component]
pub fn ScenarioDiagram(props: &ScenarioDiagramProps) -> Html {
    let model = &props.model;
    let metrics = if props.narrow {
        Metrics {
            node_width: 180.0,
            column_gap: 26.0,
            ..Metrics::default()
        }
    } else {
        Metrics::default()
    };
    let kinds: Vec<Kind> = model.nodes.iter().map(|n| n.kind).collect();
    let placed = layout(&kinds, &metrics);
    let rect_of = |key: &str| {
        model
            .nodes
            .iter()
            .position(|n| n.key == key)
            .and_then(|i| placed.nodes.get(i))
            .map(|p| p.rect)
    };
    let view_box = format!("0 0 {} {}", fixed0(placed.width), fixed0(placed.height));
    html! {
        <div class="flow-wrap sp-diagram">
            <svg class="flow" data-testid="scenario-diagram" viewBox={view_box} role="img"
                 aria-label="Flow diagram: role, instance profile, instance, STS, bucket">
                <defs>
                    <marker id="sp-arrow" viewBox="0 0 10 10" refX="9" refY="5"
                            markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="flow-arrowhead" />
                    </marker>
                </defs>
                { for Kind::ALL.iter().filter(|k| **k != Kind::Sts).map(|k| {
                    let x = placed.columns.get(k.column()).copied().unwrap_or_default();
                    html! {
                        <text class="flow-heading" x={fixed0(x + 4.0)}
                              y={fixed0(metrics.margin + 14.0)}>{ k.heading() }</text>
                    }
                }) }
                { for model.edges.iter().filter_map(|e| {
                    Some(edge(e, rect_of(&e.from)?, rect_of(&e.to)?))
                }) }
                { for model.nodes.iter().zip(placed.nodes.iter()).map(|(n, p)| node(n, p.rect)) }
            </svg>
        </div>
    }
}

fn node(n: &NodeView, r: Rect) -> Html {
    let chars = ((r.w - 20.0) / 6.1) as usize;
    html! {
        <g class={classes!("flow-node", format!("tone-{}", n.tone.class()), format!("kind-{}", n.kind.column()))}
           transform={format!("translate({},{})", fixed1(r.x), fixed1(r.y))} data-testid={format!("sp-node-{}", n.key)}>
            <title>{ format!("{} — {}", n.title, n.lines.iter().map(|l| l.0.as_str()).collect::<Vec<_>>().join(" · ")) }</title>
            <rect class="flow-box" width={fixed0(r.w)} height={fixed0(r.h)} rx="10" />
            <text class="flow-title" x="10" y="20">{ clip(&n.title, chars.saturating_sub(1)) }</text>
            { for n.lines.iter().enumerate().map(|(i, (text, tone))| html! {
                <text class={classes!("flow-line", format!("t-{}", tone.class()))}
                      x="10" y={format!("{}", 38 + 16 * i)}>{ clip(text, chars) }</text>
            }) }
        </g>
    }
}

fn edge(e: &EdgeView, from: Rect, to: Rect) -> Html {
    let start = from.right_mid();
    let end = to.left_mid();
    let d = curve(start, (end.0 - 2.0, end.1));
    let (mx, my) = midpoint(start, end);
    let label_w = e
        .label
        .as_ref()
        .map(|l| l.chars().count() as f64 * 6.4 + 12.0)
        .unwrap_or(0.0);
    html! {
        <g class={classes!("flow-edge", format!("t-{}", e.tone.class()), e.lit.then_some("lit"))}
           data-testid={format!("sp-edge-{}-{}", e.from, e.to)} data-lit={e.lit.to_string()}>
            <path class="flow-path" d={d} marker-end="url(#sp-arrow)" />
            if let Some(label) = &e.label {
                <g class="flow-label">
                    <rect x={fixed1(mx - label_w / 2.0)} y={fixed1(my - 10.0)}
                          width={fixed1(label_w)} height="19" rx="9" />
                    <text x={fixed1(mx)} y={fixed1(my + 4.0)}
                          text-anchor="middle">{ label.clone() }</text>
                </g>
            }
        </g>
    }
}
