//! The quiz is well formed, and every "show me" link opens a step whose check is met.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use iamsim_lessons::{Player, QUESTIONS, scenario};

#[test]
fn at_least_twelve_questions_each_with_a_valid_answer() {
    assert!(QUESTIONS.len() >= 12);
    for q in QUESTIONS {
        assert!(q.answer < q.choices.len(), "{}", q.prompt);
        assert!(q.choices.len() >= 2, "{}", q.prompt);
        assert!(!q.explanation.is_empty(), "{}", q.prompt);
    }
}

#[test]
fn every_show_me_link_proves_its_answer() {
    for q in QUESTIONS {
        let s = scenario(q.scenario).unwrap_or_else(|| panic!("{}: no {}", q.prompt, q.scenario));
        assert!(q.step >= 1 && q.step <= s.steps.len(), "{}", q.prompt);
        let player = Player::at(s, q.step);
        let record = player.records().last().unwrap();
        assert!(record.result.met, "{}: {:?}", q.prompt, record.result);
        assert_eq!(
            q.show_me(),
            format!("#/scenario/{}/step/{}", q.scenario, q.step)
        );
    }
}
