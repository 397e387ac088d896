//! The S3 console: buckets, their objects, their bucket policy.

mod bucket;

use yew::prelude::*;

use super::console_result::{ConsoleResultView, bind_input};
use super::state::{Action, admin_call};
use super::store::use_store;
use bucket::BucketCard;

/// The S3 panel.
#[component]
pub fn S3Console() -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let name = use_state(|| "demo-bucket".to_string());
    let onsubmit = {
        let (store, name) = (store.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let command = admin_call(
                &store.world,
                "s3",
                "CreateBucket",
                serde_json::json!({"Bucket": *name}),
            );
            store.dispatch(Action::Apply {
                panel: "s3".into(),
                label: format!("Create bucket {}", *name),
                command,
            });
        })
    };
    let names: Vec<String> = store.world.buckets().map(|b| b.name.clone()).collect();
    html! {
        <div class="console" data-testid="s3-console">
            <ConsoleResultView panel="s3" />
            <form class="form card-inner row" {onsubmit}>
                <label for="bucket-name">{ "Bucket name" }</label>
                <input id="bucket-name" data-testid="bucket-name" value={(*name).clone()} oninput={bind_input(&name)} />
                <button type="submit" class="wui-btn primary" data-testid="create-bucket">{ "Create bucket" }</button>
            </form>
            <section class="card-inner">
                <h3>{ format!("Buckets ({})", names.len()) }</h3>
                <ul class="items">{ for names.into_iter().map(|n| html! { <BucketCard name={n} /> }) }</ul>
            </section>
        </div>
    }
}
