//! The app's one state and the actions that change it. `apply` is pure: it
//! calls engine code only; storage and URL changes happen in effects.

use std::rc::Rc;

use crate::playground::model::{PlaygroundAction, PlaygroundDoc};
use crate::route::Route;

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The page, from the URL fragment.
    pub route: Route,
    /// `?embed=1`: compact layout without the site header.
    pub embed: bool,
    /// The policy playground's inputs.
    pub playground: Rc<PlaygroundDoc>,
    /// A message about saved data (e.g. unreadable storage), until dismissed.
    pub notice: Option<String>,
    /// The learner's own playground, kept while a policy sent by "Evaluate this" is shown.
    pub previous: Option<Rc<PlaygroundDoc>>,
}

/// A change to the app state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The URL fragment changed.
    Navigate(Route),
    /// An edit in the playground.
    Playground(PlaygroundAction),
    /// The learner closed the notice.
    DismissNotice,
    /// Bring back the playground kept by "Evaluate this".
    RestorePrevious,
}

impl AppState {
    /// Applies an action; `None` when nothing changed (so the page is not re-rendered).
    pub fn apply(&self, action: Action) -> Option<AppState> {
        match action {
            Action::Navigate(route) if route != self.route => Some(AppState {
                route,
                ..self.clone()
            }),
            Action::Navigate(_) => None,
            Action::Playground(edit) => {
                let doc = self.playground.apply(edit)?;
                Some(AppState {
                    playground: Rc::new(doc),
                    ..self.clone()
                })
            }
            Action::DismissNotice => self.notice.as_ref().map(|_| AppState {
                notice: None,
                ..self.clone()
            }),
            Action::RestorePrevious => self.previous.as_ref().map(|doc| AppState {
                playground: doc.clone(),
                previous: None,
                notice: None,
                ..self.clone()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        AppState {
            route: Route::Home,
            embed: false,
            playground: Rc::new(PlaygroundDoc::default()),
            notice: Some("n".into()),
            previous: None,
        }
    }

    #[test]
    fn no_op_actions_return_none() {
        let s = state();
        assert_eq!(s.apply(Action::Navigate(Route::Home)), None);
        let s = s.apply(Action::DismissNotice).unwrap();
        assert_eq!(s.notice, None);
        assert_eq!(s.apply(Action::DismissNotice), None);
    }

    #[test]
    fn restore_brings_back_the_kept_playground() {
        let mut s = state();
        assert_eq!(s.apply(Action::RestorePrevious), None);
        let mine = PlaygroundDoc {
            next_id: 9,
            ..PlaygroundDoc::default()
        };
        s.previous = Some(Rc::new(mine.clone()));
        let back = s.apply(Action::RestorePrevious).unwrap();
        assert_eq!(*back.playground, mine);
        assert_eq!(back.previous, None);
        assert_eq!(back.notice, None);
    }

    #[test]
    fn navigation_and_edits_change_state() {
        let s = state().apply(Action::Navigate(Route::Playground)).unwrap();
        assert_eq!(s.route, Route::Playground);
        let s = s
            .apply(Action::Playground(PlaygroundAction::SetAction(
                "s3:GetObject".into(),
            )))
            .unwrap();
        assert_eq!(s.playground.request.action, "s3:GetObject");
    }
}
