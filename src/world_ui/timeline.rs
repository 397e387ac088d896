//! The clock and credentials timeline: an SVG plot of each instance's role credentials
//! over simulated time (issued, refreshed, expiry), the moments its profile changed, and
//! "now".

use yew::prelude::*;

use super::diagram_model::hhmm;
use super::layout::{fixed0, fixed1};
use super::store::use_store;
use super::timeline_model::{TimelineModel, ticks, timeline, x_of};

const WIDTH: f64 = 460.0;
const LEFT: f64 = 92.0;
const LANE: f64 = 58.0;
const TOP: f64 = 18.0;

fn plot(t: &TimelineModel) -> Html {
    let w = WIDTH - LEFT - 10.0;
    let x = |at| LEFT + x_of(at, t.start, t.end, w);
    let height = TOP + LANE * t.lanes.len().max(1) as f64 + 20.0;
    let now_x = x(t.now);
    html! {
        <svg class="tl" viewBox={format!("0 0 {} {}", fixed0(WIDTH), fixed0(height))} data-testid="credentials-timeline"
             role="img" aria-label="Credentials of each instance over simulated time">
            { for ticks(t.start, t.end).into_iter().map(|tick| html! {
                <g class="tl-tick">
                    <line x1={fixed1(x(tick))} x2={fixed1(x(tick))}
                          y1={fixed0(TOP)} y2={fixed0(height - 18.0)} />
                    <text x={fixed1(x(tick))} y={fixed0(height - 5.0)}
                          text-anchor="middle">{ hhmm(tick) }</text>
                </g>
            }) }
            { for t.lanes.iter().enumerate().map(|(li, lane)| {
                let y0 = TOP + LANE * li as f64;
                let rows = 6usize;
                html! {
                    <g class="tl-lane" data-testid={format!("tl-lane-{}", lane.instance_id)}>
                        <text class="tl-name" x="4" y={fixed0(y0 + 16.0)}>
                            { lane.instance_id.get(..12).unwrap_or(&lane.instance_id).to_string() + "…" }
                        </text>
                        <text class="tl-sub" x="4" y={fixed0(y0 + 30.0)}>
                            { format!("{} credential{}", lane.bars.len(), if lane.bars.len() == 1 { "" } else { "s" }) }
                        </text>
                        { for lane.bars.iter().enumerate().map(|(bi, b)| {
                            let y = y0 + 4.0 + 7.0 * (bi % rows) as f64;
                            let (x1, x2) = (x(b.issued), x(b.expiration));
                            let state = if b.current { "current" } else if b.expiration <= t.now { "expired" } else { "spare" };
                            html! {
                                <g class={classes!("tl-bar", state)} data-testid="tl-bar">
                                    <title>{ format!("{} ({}): issued {}, expires {}{}", b.access_key_id, b.role,
                                        hhmm(b.issued), hhmm(b.expiration),
                                        if b.current { " — the metadata service hands out this one now" } else { "" }) }</title>
                                    <rect x={fixed1(x1)} y={fixed1(y)}
                                          width={fixed1((x2 - x1).max(2.0))} height="5" rx="2.5" />
                                    <circle cx={fixed1(x1)} cy={fixed1(y + 2.5)} r="3" />
                                </g>
                            }
                        }) }
                        { for lane.marks.iter().map(|m| html! {
                            <g class="tl-mark">
                                <title>{ format!("{} at {}", m.text, hhmm(m.at)) }</title>
                                <line x1={fixed1(x(m.at))} x2={fixed1(x(m.at))}
                                      y1={fixed0(y0)} y2={fixed0(y0 + LANE - 8.0)} />
                                <text x={fixed1(x(m.at) + 3.0)} y={fixed0(y0 + LANE - 10.0)}>{ m.text.clone() }</text>
                            </g>
                        }) }
                    </g>
                }
            }) }
            <g class="tl-now">
                <line x1={fixed1(now_x)} x2={fixed1(now_x)} y1="8" y2={fixed0(height - 18.0)} />
                <text x={fixed1(now_x)} y="10" text-anchor="middle">{ format!("now {}", hhmm(t.now)) }</text>
            </g>
        </svg>
    }
}

/// The timeline card.
#[component]
pub fn Timeline() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let model = use_memo(store.revision, {
        let store = store.clone();
        move |_| timeline(&store.world)
    });
    html! {
        <section class="card wui-timeline" aria-label="Credentials timeline">
            <h2>{ "Credentials over time" }</h2>
            if model.lanes.is_empty() {
                <p class="muted">{ "Launch an instance with an instance profile, then move the clock: \
                    each bar is one set of temporary credentials, from issue to expiry." }</p>
            } else {
                { plot(&model) }
                <p class="legend">
                    <span class="key current">{ "handed out now" }</span>
                    <span class="key spare">{ "still valid" }</span>
                    <span class="key expired">{ "expired" }</span>
                    <span class="note">{ "Refresh about hourly, 6 h lifetime: observed on EC2, not documented." }</span>
                </p>
            }
        </section>
    }
}
