//! The root component: one `use_reducer` shared through a context, the
//! hash-change listener, saving the playground, and the page for the route.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::panic_screen::DeliberatePanic;
use super::{browser, header::Header, not_found::NotFound, notice::Notice};
use super::{playground::page::PlaygroundPage, scenario::ScenarioPage};
use crate::playground::storage;
use crate::route::Route;
use crate::scenario_ui::{LessonsPage, QuizPage, ScenarioPlayer};
use crate::state::{Action, AppState};
use crate::world_ui::WorldPage;

/// What every component reads: the state and the dispatcher.
pub type AppContext = UseReducerHandle<AppState>;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// The state at load (read from the URL and storage by `ui::start`).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The first state.
    pub initial: Rc<AppState>,
}

/// The app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || (*initial).clone());

    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                dispatcher.dispatch(Action::Navigate(Route::parse(&browser::hash())));
            })
        });
        move || drop(listener)
    });

    use_effect_with(state.playground.clone(), |doc| {
        browser::save(storage::STORAGE_KEY, &storage::encode(doc));
    });

    let page = match &state.route {
        // The mount point of the world UI (src/world_ui, another owner).
        Route::Home => html! { <WorldPage /> },
        Route::Playground => html! { <PlaygroundPage /> },
        Route::Scenario(name) | Route::ScenarioStep(name, _)
            if iamsim_lessons::scenario(name).is_none() =>
        {
            html! { <ScenarioPage name={name.clone()} /> }
        }
        Route::Scenario(id) => html! { <ScenarioPlayer id={id.clone()} step={1} /> },
        Route::ScenarioStep(id, step) => html! { <ScenarioPlayer id={id.clone()} step={*step} /> },
        Route::Lessons => html! { <LessonsPage /> },
        Route::Quiz => html! { <QuizPage /> },
        Route::NotFound(path) => html! { <NotFound path={path.clone()} /> },
        Route::DeliberatePanic => html! { <DeliberatePanic /> },
    };
    let class = classes!("shell", state.embed.then_some("embed"));
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div {class} data-testid="app-ready">
                if !state.embed { <Header route={state.route.clone()} /> }
                <Notice />
                <main id="main" class="main" tabindex="-1">{ page }</main>
            </div>
        </ContextProvider<AppContext>>
    }
}
