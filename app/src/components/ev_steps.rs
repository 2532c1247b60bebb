//! An EV order's consent, agreement and approval as a list of steps, done or pending, for the
//! order page and the tracking page.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::model::ev::{EvAnswer, EvStepView};

#[component]
pub fn EvSteps(
    steps: Vec<EvStepView>,
    /// Whether to name who is asked (the order page does; a tracking link says only the step).
    #[prop(optional)]
    people: bool,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    (!steps.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="ev-steps-heading">
                <h2 id="ev-steps-heading">{t("ev-steps-heading")}</h2>
                <ol class="steps" data-testid="ev-steps">
                    {steps.into_iter().map(|s| {
                        let who = people.then(|| format!(" · {} <{}>", s.name, s.email));
                        let state = match s.answer {
                            None => t("ev-steps-pending"),
                            Some(EvAnswer::Approved) => t_args("ev-steps-approved", &[
                                ("when", s.answered_at.as_ref().map(|w| w.text(lang)).unwrap_or_default().into()),
                            ]),
                            Some(EvAnswer::Rejected) => t_args("ev-steps-rejected", &[
                                ("reason", s.reason.clone().into()),
                            ]),
                        };
                        view! {
                            <li class:done=s.answer == Some(EvAnswer::Approved)>
                                <strong>{t(s.step.key())}</strong>{who}" — "{state}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}
