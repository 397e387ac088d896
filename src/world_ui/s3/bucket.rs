//! One bucket: objects (upload, delete), bucket policy (put, delete), delete bucket.

use yew::prelude::*;

use crate::world_ui::console_result::bind_input;
use crate::world_ui::state::{Action, admin_call};
use crate::world_ui::store::use_store;

/// Props of [`BucketCard`].
#[derive(Properties, PartialEq)]
pub struct BucketCardProps {
    /// The bucket's name.
    pub name: String,
}

/// A bucket.
#[component]
pub fn BucketCard(props: &BucketCardProps) -> Html {
    let Some(store) = use_store() else {
        return Html::default();
    };
    let key = use_state(|| "hello.txt".to_string());
    let body = use_state(|| "hello from the console".to_string());
    let policy = use_state(String::new);
    let Some(b) = store.world.buckets().find(|b| b.name == props.name) else {
        return Html::default();
    };
    let name = b.name.clone();
    let act = |label: String, op: &'static str, params: serde_json::Value| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let command = admin_call(&store.world, "s3", op, params.clone());
            store.dispatch(Action::Apply {
                panel: "s3".into(),
                label: label.clone(),
                command,
            });
        })
    };
    let upload = {
        let (store, key, body, name) = (store.clone(), key.clone(), body.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let command = admin_call(
                &store.world,
                "s3",
                "PutObject",
                serde_json::json!({"Bucket": name, "Key": *key, "Body": *body}),
            );
            store.dispatch(Action::Apply {
                panel: "s3".into(),
                label: format!("Upload {} to {name}", *key),
                command,
            });
        })
    };
    let put_policy = {
        let (store, policy, name) = (store.clone(), policy.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let command = admin_call(
                &store.world,
                "s3",
                "PutBucketPolicy",
                serde_json::json!({"Bucket": name, "Policy": *policy}),
            );
            store.dispatch(Action::Apply {
                panel: "s3".into(),
                label: format!("Put the bucket policy of {name}"),
                command,
            });
        })
    };
    let current_policy = b
        .policy
        .as_ref()
        .map(|p| serde_json::to_string_pretty(p.to_value()).unwrap_or_default());
    html! {
        <li class="item" data-testid={format!("bucket-{name}")}>
            <div class="item-head">
                <b>{ name.clone() }</b>
                <code class="arn">{ format!("arn:aws:s3:::{name}") }</code>
                <button type="button" class="wui-btn small danger"
                        onclick={act(format!("Delete bucket {name}"), "DeleteBucket", serde_json::json!({"Bucket": name}))}>{ "Delete" }</button>
            </div>
            <table class="mini">
                <thead><tr><th>{ "Key" }</th><th>{ "Size" }</th><th>{ "Last modified" }</th><th></th></tr></thead>
                <tbody>
                { for b.objects.iter().map(|(k, o)| html! {
                    <tr>
                        <td><code>{ k.clone() }</code></td>
                        <td>{ format!("{} B", o.body.len()) }</td>
                        <td>{ o.last_modified.iso_z() }</td>
                        <td><button type="button" class="wui-btn small"
                                    onclick={act(format!("Delete s3://{name}/{k}"), "DeleteObject", serde_json::json!({"Bucket": name, "Key": k}))}>{ "Delete" }</button></td>
                    </tr>
                }) }
                if b.objects.is_empty() { <tr><td colspan="4" class="muted">{ "Empty." }</td></tr> }
                </tbody>
            </table>
            <div class="row">
                <input aria-label="Object key" value={(*key).clone()} oninput={bind_input(&key)} />
                <input aria-label="Object body" value={(*body).clone()} oninput={bind_input(&body)} />
                <button type="button" class="wui-btn small" onclick={upload}>{ "Upload" }</button>
            </div>
            <details>
                <summary>{ if current_policy.is_some() { "Bucket policy (set)" } else { "Bucket policy (none)" } }</summary>
                if let Some(p) = &current_policy { <pre class="json small">{ p.clone() }</pre> }
                <textarea class="code" rows="6" aria-label="Bucket policy document" placeholder="{ \"Version\": \"2012-10-17\", \"Statement\": [...] }"
                          value={(*policy).clone()} oninput={bind_input(&policy)} spellcheck="false" />
                <div class="row">
                    <button type="button" class="wui-btn small" onclick={put_policy}>{ "Save bucket policy" }</button>
                    if current_policy.is_some() {
                        <button type="button" class="wui-btn small"
                                onclick={act(format!("Delete the bucket policy of {name}"), "DeleteBucketPolicy", serde_json::json!({"Bucket": name}))}>{ "Delete bucket policy" }</button>
                    }
                </div>
            </details>
        </li>
    }
}
