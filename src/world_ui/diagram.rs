//! The flow diagram (SVG): role → instance profile → instance (its metadata service and
//! application) → STS → bucket, with each node's live state and the last result on
//! each path. Clicking a node, or Enter on it, opens its details.

mod edge;
mod node;

use yew::prelude::*;

use super::diagram_model::diagram;
use super::layout::{Kind, Metrics, fixed0, layout, layout_stacked};
use super::store::use_store;
use edge::EdgeLine;
use node::NodeBox;

/// True when the window is narrower than the columns need.
fn is_narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_some_and(|w| w < 900.0)
}

/// Props of [`Diagram`].
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    /// The key of the node whose details are open.
    pub selected: Option<String>,
    /// Opens (Some) or closes (None) a node's details.
    pub on_select: Callback<Option<String>>,
}

/// The diagram.
#[component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let model = use_memo(store.revision, {
        let store = store.clone();
        move |_| {
            diagram(
                &store.world,
                &store.local_failures,
                store.last_events.clone(),
                store.steps.len(),
            )
        }
    });
    let metrics = Metrics::default();
    // Narrow screens get a row per kind instead of a column per kind.
    let narrow = use_state(is_narrow);
    {
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| {
                    let now = is_narrow();
                    if now != *narrow {
                        narrow.set(now);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let narrow = *narrow;
    let kinds: Vec<Kind> = model.nodes.iter().map(|n| n.kind).collect();
    let placed = if narrow {
        layout_stacked(&kinds, &metrics)
    } else {
        layout(&kinds, &metrics)
    };
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
        <div class="flow-wrap">
            <svg class={classes!("flow", narrow.then_some("stacked"))} data-testid="flow-diagram" viewBox={view_box}
                 width={fixed0(placed.width * 1.15)}
                 role="group" aria-label="Flow diagram: role, instance profile, instance, STS, bucket">
                <defs>
                    <marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse"
                            markerWidth="9" markerHeight="9" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="flow-arrowhead" />
                    </marker>
                </defs>
                { for placed.headings.iter().map(|(k, x, y)| html! {
                    <text class="flow-heading" x={fixed0(*x)} y={fixed0(*y)}>{ k.heading() }</text>
                }) }
                { for model.edges.iter().filter_map(|e| {
                    let from = rect_of(&e.from)?;
                    let to = rect_of(&e.to)?;
                    Some(html! { <EdgeLine edge={e.clone()} from={from} to={to} stacked={placed.stacked} /> })
                }) }
                { for model.nodes.iter().zip(placed.nodes.iter()).map(|(n, p)| {
                    let selected = props.selected.as_deref() == Some(n.key.as_str());
                    html! {
                        <NodeBox node={n.clone()} rect={p.rect} selected={selected}
                                 on_select={props.on_select.clone()} />
                    }
                }) }
            </svg>
        </div>
    }
}
