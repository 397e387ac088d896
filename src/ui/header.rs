//! The site header: the title and the two main pages.

use yew::prelude::*;

use super::browser;
use crate::route::Route;

/// Props: the current route, to mark the current link.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The page being shown.
    pub route: Route,
}

/// The header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let link = |route: Route, label: &'static str, testid: &'static str| {
        let current = (props.route == route).then_some("page");
        html! {
            <a class="nav-link" href={route.href()} aria-current={current} data-testid={testid}>
                { label }
            </a>
        }
    };
    // Hash routing owns the fragment, so the skip link focuses <main> itself.
    let skip = Callback::from(|_: MouseEvent| browser::focus("main"));
    html! {
        <header class="site-header">
            <button type="button" class="skip-link" onclick={skip}>{ "Skip to content" }</button>
            <div class="brand">
                <a class="brand-name" href="#/">{ "iamsim" }</a>{ " " }
                <span class="brand-tagline">{ "— how an EC2 instance gets its permissions" }</span>
            </div>
            <nav class="site-nav" aria-label="Main">
                { link(Route::Home, "Instance story", "nav-home") }
                { link(Route::Playground, "Policy playground", "nav-playground") }
                { link(Route::Lessons, "Lessons", "nav-lessons") }
                { link(Route::Quiz, "Quiz", "nav-quiz") }
            </nav>
        </header>
    }
}
