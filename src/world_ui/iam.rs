//! The IAM console: create a role (the console way or the CLI way), attach policies,
//! instance profiles.

mod create_role;
mod profiles;
mod roles;

use yew::prelude::*;

use super::console_result::ConsoleResultView;
use create_role::CreateRole;
use profiles::Profiles;
use roles::Roles;

/// The IAM panel.
#[component]
pub fn IamConsole() -> Html {
    html! {
        <div class="console" data-testid="iam-console">
            <ConsoleResultView panel="iam" />
            <CreateRole />
            <Roles />
            <Profiles />
        </div>
    }
}
