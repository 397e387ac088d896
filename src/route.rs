//! Hash routes: `#/` (home), `#/playground`, `#/scenario/NAME`, and which bundle draws each.
//!
//! Routing lives in the URL fragment so the app works from any static host
//! and any sub-path, with no server rewrites.

/// One part of the app, shipped as its own wasm file (`iamsim-app`, `iamsim-playground`,
/// `iamsim-lessons`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The world page (`#/`), the not-found page and the panic test page.
    World,
    /// The policy playground (`#/playground`).
    Playground,
    /// Lessons, the quiz and the scenario player (`#/lessons`, `#/quiz`, `#/scenario/…`).
    Lessons,
}

impl Bundle {
    /// The name `static/init.js` knows the bundle by.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::World => "world",
            Bundle::Playground => "playground",
            Bundle::Lessons => "lessons",
        }
    }
}

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/` or no fragment: the world (the EC2 story).
    Home,
    /// `#/playground`: the policy playground.
    Playground,
    /// `#/scenario/NAME`: a guided scenario.
    Scenario(String),
    /// `#/scenario/NAME/step/N`: step N (1-based) of a guided scenario.
    ScenarioStep(String, usize),
    /// `#/lessons`: the guided scenarios.
    Lessons,
    /// `#/quiz`: the quiz.
    Quiz,
    /// `#/__panic`: panics on purpose, so the tests can see the error screen.
    DeliberatePanic,
    /// Anything else, kept so the page can say what was asked for.
    NotFound(String),
}

impl Route {
    /// Reads a route from `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split('?').next().unwrap_or_default();
        let trimmed = path.trim_end_matches('/');
        match trimmed {
            // The world page's panels are the home page too.
            "" | "/terminal" | "/iam" | "/ec2" | "/s3" | "/events" => Route::Home,
            "/playground" => Route::Playground,
            "/lessons" => Route::Lessons,
            "/quiz" => Route::Quiz,
            "/__panic" => Route::DeliberatePanic,
            other => match other.strip_prefix("/scenario/") {
                Some(name) if !name.is_empty() && !name.contains('/') => {
                    Route::Scenario(name.to_string())
                }
                Some(rest) => match rest.split_once("/step/").map(|(n, s)| (n, s.parse())) {
                    Some((name, Ok(step))) if !name.is_empty() && !name.contains('/') => {
                        Route::ScenarioStep(name.to_string(), step)
                    }
                    _ => Route::NotFound(path.to_string()),
                },
                _ => Route::NotFound(path.to_string()),
            },
        }
    }

    /// The fragment that leads to this route, e.g. `#/playground`.
    /// The bundle (wasm file) that draws this page. The app ships one bundle per part
    /// (world, playground, lessons) so a visitor downloads only the part they open;
    /// `static/init.js` picks the bundle from the URL at load, and a bundle asked to
    /// draw another bundle's page reloads into it.
    pub fn bundle(&self) -> Bundle {
        match self {
            Route::Playground => Bundle::Playground,
            Route::Scenario(_) | Route::ScenarioStep(_, _) | Route::Lessons | Route::Quiz => {
                Bundle::Lessons
            }
            Route::Home | Route::DeliberatePanic | Route::NotFound(_) => Bundle::World,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Playground => "#/playground".to_string(),
            Route::Scenario(name) => format!("#/scenario/{name}"),
            Route::ScenarioStep(name, step) => format!("#/scenario/{name}/step/{step}"),
            Route::Lessons => "#/lessons".to_string(),
            Route::Quiz => "#/quiz".to_string(),
            Route::DeliberatePanic => "#/__panic".to_string(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }
}

/// True when the query string asks for the compact embedded layout (`?embed=1`).
pub fn is_embed(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "embed=1" || pair == "embed=true")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_known_routes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/playground"), Route::Playground);
        assert_eq!(Route::parse("#/playground/"), Route::Playground);
        assert_eq!(
            Route::parse("#/scenario/upload-fails"),
            Route::Scenario("upload-fails".to_string())
        );
        assert_eq!(
            Route::parse("#/nowhere"),
            Route::NotFound("/nowhere".to_string())
        );
        assert_eq!(
            Route::parse("#/scenario/"),
            Route::NotFound("/scenario/".to_string())
        );
    }

    #[test]
    fn href_round_trips() {
        for route in [
            Route::Home,
            Route::Playground,
            Route::Scenario("x".to_string()),
            Route::DeliberatePanic,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn every_route_has_one_bundle() {
        assert_eq!(Route::parse("#/").bundle(), Bundle::World);
        assert_eq!(Route::parse("#/ec2").bundle(), Bundle::World);
        assert_eq!(Route::parse("#/nowhere").bundle(), Bundle::World);
        assert_eq!(Route::parse("#/scenario/").bundle(), Bundle::World);
        assert_eq!(Route::parse("#/__panic").bundle(), Bundle::World);
        assert_eq!(Route::parse("#/playground/").bundle(), Bundle::Playground);
        assert_eq!(Route::parse("#/lessons").bundle(), Bundle::Lessons);
        assert_eq!(Route::parse("#/quiz").bundle(), Bundle::Lessons);
        assert_eq!(Route::parse("#/scenario/x").bundle(), Bundle::Lessons);
        assert_eq!(
            Route::parse("#/scenario/x/step/3?embed=1").bundle(),
            Bundle::Lessons
        );
        assert_eq!(Bundle::Lessons.name(), "lessons");
    }

    #[test]
    fn embed_flag() {
        assert!(is_embed("?embed=1"));
        assert!(is_embed("?a=b&embed=1"));
        assert!(!is_embed(""));
        assert!(!is_embed("?embed=0"));
    }
}

#[cfg(test)]
mod world_panel_tests {
    use super::Route;
    use crate::world_ui::panel::Panel;

    #[test]
    fn every_world_panel_fragment_is_the_home_route() {
        for panel in [
            Panel::Terminal,
            Panel::Iam,
            Panel::Ec2,
            Panel::S3,
            Panel::Events,
        ] {
            assert_eq!(Route::parse(panel.href()), Route::Home, "{}", panel.href());
        }
    }
}
