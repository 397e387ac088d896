//! `#/`: the instance story. It will host the world (diagram, consoles,
//! terminal, event log); until then it tells the story in one line and leads
//! to the playground.

use yew::prelude::*;

const CHAIN: [(&str, &str); 6] = [
    ("IAM role", "holds the permission policies"),
    (
        "Instance profile",
        "the container EC2 can attach; one role each",
    ),
    (
        "EC2 instance",
        "launched with, or associated with, the profile",
    ),
    (
        "Metadata service",
        "169.254.169.254 hands out the role's credentials",
    ),
    ("Temporary credentials", "ASIA… keys that expire and rotate"),
    ("S3 decision", "Allow, or AccessDenied with the reason"),
];

/// The home page.
#[component]
pub fn Home() -> Html {
    html! {
        <section class="page" data-testid="home">
            <h1>{ "From role to request" }</h1>
            <p class="lede">
                { "An application on an EC2 instance never sees a password. It asks the \
                   instance metadata service for temporary credentials of the role in the \
                   instance profile, and every AWS call is then judged by that role's policies." }
            </p>
            <ol class="chain" aria-label="How an instance gets its permissions">
                { for CHAIN.iter().map(|(name, what)| html! {
                    <li class="chain-step">
                        <span class="chain-name">{ *name }</span>
                        <span class="chain-what">{ *what }</span>
                    </li>
                }) }
            </ol>
            <p>
                <a class="button primary" href="#/playground" data-testid="open-playground">
                    { "Try the policy playground" }
                </a>
            </p>
        </section>
    }
}
