//! One node of the diagram: a rounded box with a title and lines of state; instances
//! show their metadata service and application as boxes inside.

use yew::prelude::*;

use crate::world_ui::diagram_model::{NodeView, Tone};
use crate::world_ui::layout::{Kind, Rect, fixed0, fixed1};
use crate::world_ui::text::clip;

/// Props of [`NodeBox`].
#[derive(Properties, PartialEq)]
pub struct NodeBoxProps {
    /// What to show.
    pub node: NodeView,
    /// Where.
    pub rect: Rect,
    /// Its details are open.
    pub selected: bool,
    /// Opens its details.
    pub on_select: Callback<Option<String>>,
}

/// A node.
#[component]
pub fn NodeBox(props: &NodeBoxProps) -> Html {
    let n = &props.node;
    let r = props.rect;
    let missing = n.tone == Tone::Missing && n.key.starts_with("missing:");
    let key = n.key.clone();
    let select = props.on_select.clone();
    let onclick = {
        let key = key.clone();
        let select = select.clone();
        Callback::from(move |_: MouseEvent| select.emit(Some(key.clone())))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            select.emit(Some(key.clone()));
        }
    });
    let label = format!(
        "{}: {}. {}. Open details.",
        n.kind.heading(),
        n.title,
        n.lines
            .iter()
            .map(|l| l.0.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    );
    let chars = ((r.w - 18.0) / 5.7) as usize;
    let is_instance = n.kind == Kind::Instance && !missing;
    // Instances: first lines plain, the last two in the IMDS and app boxes.
    let (plain, boxed) = if is_instance {
        let split = n.lines.len().saturating_sub(2).max(1).min(n.lines.len());
        n.lines.split_at(split)
    } else {
        (n.lines.as_slice(), &[][..])
    };
    html! {
        <g class={classes!("flow-node", format!("tone-{}", n.tone.class()),
                           format!("kind-{}", n.kind.column()),
                           props.selected.then_some("selected"), missing.then_some("placeholder"))}
           transform={format!("translate({},{})", fixed1(r.x), fixed1(r.y))}
           tabindex="0" role="button" aria-label={label}
           data-testid={format!("node-{}", n.key)} {onclick} {onkeydown}>
            <title>{ format!("{} — {}", n.title, n.lines.iter().map(|l| l.0.as_str()).collect::<Vec<_>>().join(" · ")) }</title>
            <rect class="flow-box" width={fixed0(r.w)} height={fixed0(r.h)} rx="10" />
            <text class="flow-title" x="10" y="20">{ clip(&n.title, chars.saturating_sub(1)) }</text>
            { for plain.iter().enumerate().map(|(i, (text, tone))| html! {
                <text class={classes!("flow-line", format!("t-{}", tone.class()))}
                      x="10" y={format!("{}", 38 + 16 * i)}>{ clip(text, chars) }</text>
            }) }
            { for boxed.iter().zip(["IMDS", "app"]).enumerate().map(|(i, ((text, tone), label))| {
                let y = r.h - 46.0 + 22.0 * i as f64;
                html! {
                    <g class={classes!("flow-sub", format!("t-{}", tone.class()))}>
                        <rect x="6" y={fixed0(y)} width={fixed0(r.w - 12.0)}
                              height="19" rx="5" />
                        <text class="flow-sublabel" x="11" y={fixed0(y + 13.0)}>{ label }</text>
                        <text class="flow-line" x="42" y={fixed0(y + 13.5)}>
                            { clip(text, chars.saturating_sub(5)) }
                        </text>
                    </g>
                }
            }) }
        </g>
    }
}
