//! The EC2 console: launch an instance with an instance profile and metadata options;
//! start, stop, terminate; attach, replace or remove its IAM role (its profile).

mod instances;
mod launch;

use yew::prelude::*;

use super::console_result::ConsoleResultView;
use instances::Instances;
use launch::Launch;

/// The EC2 panel.
#[component]
pub fn Ec2Console() -> Html {
    html! {
        <div class="console" data-testid="ec2-console">
            <ConsoleResultView panel="ec2" />
            <Launch />
            <Instances />
        </div>
    }
}
