//! Which pages each bundle draws. A bundle's binary names one of these types, so the
//! linker keeps only that bundle's components: the world bundle carries no lesson
//! text, and the lessons bundle no consoles or playground.

use yew::prelude::*;

use super::panic_screen::DeliberatePanic;
use super::{not_found::NotFound, playground::page::PlaygroundPage, scenario::ScenarioPage};
use crate::route::{Bundle, Route};
use crate::scenario_ui::{LessonsPage, QuizPage, ScenarioPlayer};
use crate::world_ui::WorldPage;

/// The pages of one bundle.
pub trait Pages: 'static {
    /// The bundle these pages make up.
    const BUNDLE: Bundle;

    /// The page for a route of this bundle (`route.bundle() == Self::BUNDLE`).
    fn page(route: &Route) -> Html;
}

/// The world bundle: `#/`, the not-found page and the panic test page.
pub struct WorldPages;

impl Pages for WorldPages {
    const BUNDLE: Bundle = Bundle::World;

    fn page(route: &Route) -> Html {
        match route {
            Route::Home => html! { <WorldPage /> },
            Route::DeliberatePanic => html! { <DeliberatePanic /> },
            Route::NotFound(path) => html! { <NotFound path={path.clone()} /> },
            other => elsewhere(other),
        }
    }
}

/// The playground bundle: `#/playground`.
pub struct PlaygroundPages;

impl Pages for PlaygroundPages {
    const BUNDLE: Bundle = Bundle::Playground;

    fn page(route: &Route) -> Html {
        match route {
            Route::Playground => html! { <PlaygroundPage /> },
            other => elsewhere(other),
        }
    }
}

/// The lessons bundle: `#/lessons`, `#/quiz` and the scenario player.
pub struct LessonsPages;

impl Pages for LessonsPages {
    const BUNDLE: Bundle = Bundle::Lessons;

    fn page(route: &Route) -> Html {
        match route {
            Route::Scenario(name) | Route::ScenarioStep(name, _)
                if iamsim_lessons::scenario(name).is_none() =>
            {
                html! { <ScenarioPage name={name.clone()} /> }
            }
            Route::Scenario(id) => html! { <ScenarioPlayer id={id.clone()} step={1} /> },
            Route::ScenarioStep(id, step) => {
                html! { <ScenarioPlayer id={id.clone()} step={*step} /> }
            }
            Route::Lessons => html! { <LessonsPage /> },
            Route::Quiz => html! { <QuizPage /> },
            other => elsewhere(other),
        }
    }
}

/// What a bundle shows for another bundle's page while the browser loads that bundle
/// (the app reloads into it; see `app::App`).
fn elsewhere(route: &Route) -> Html {
    html! {
        <p class="boot" data-testid="switching-bundle">
            { "Loading " }<a href={route.href()} data-action="reload">{ "this page" }</a>{ "…" }
        </p>
    }
}
