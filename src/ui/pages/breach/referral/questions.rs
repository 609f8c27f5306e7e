//! The question pages: one view for all five, each question drawn from one table (label, hint,
//! where its answer lives in the draft), so the flow adds few distinct views.

use leptos::prelude::*;

use super::{BackLink, Flow, Step, F};
use crate::domain::referral::answers::{ReferralAnswers, ReferralField};
use crate::domain::referral::document::probation_text;
use crate::domain::referral::record::CustodyNow;
use crate::ui::components::{error_for, ErrorSummary, Input, Legend, RadioItem, Radios, Textarea};

/// Where a field's answer lives in the draft.
fn slot(a: &mut ReferralAnswers, f: ReferralField) -> &mut String {
    match f {
        F::CustodyNow => &mut a.custody_now,
        F::ArrestIssues => &mut a.arrest_issues,
        F::ContactName => &mut a.contact_name,
        F::ContactEmail => &mut a.contact_email,
        F::ContactPhone => &mut a.contact_phone,
        F::LastAddress => &mut a.last_address,
        F::OtherAddresses => &mut a.other_addresses,
        F::ContrabandRisk => &mut a.contraband_risk,
        F::Charged => &mut a.charged,
        F::ChargeDetails => &mut a.charge_details,
        F::Circumstances => &mut a.circumstances,
        F::EarlierBreaches => &mut a.earlier_breaches,
        F::NotForDisclosure => &mut a.not_for_disclosure,
    }
}

/// The answer to `f`, trimmed.
pub(super) fn answer(a: &ReferralAnswers, f: ReferralField) -> String {
    slot(&mut a.clone(), f).trim().to_string()
}

/// A question's label (also its key on the check page) and hint.
pub(super) fn question(f: ReferralField) -> (&'static str, &'static str) {
    match f {
        F::CustodyNow => (
            "Is the person in custody now?",
            "In prison or police custody today, as far as police know.",
        ),
        F::ArrestIssues => (
            "Arrest issues",
            "Risks to staff, children or vulnerable adults at the addresses, for example weapons, dogs or children living there. Write “None known” if there are none.",
        ),
        F::LastAddress => (
            "Last address recorded by police",
            "From the nominal’s record: check it is still right.",
        ),
        F::OtherAddresses => (
            "Other possible addresses (optional)",
            "Where the person may be staying, one a line.",
        ),
        F::ContrabandRisk => (
            "Contraband risk",
            "Whether the person is likely to carry drugs, phones or weapons into custody. Write “None known” if there is none.",
        ),
        F::Charged => (
            "Has the person been charged with an offence?",
            "A new charge excludes a fixed-term recall, so probation must know of it.",
        ),
        F::ChargeDetails => (
            "The offence charged and when",
            "For example, the offence, the date charged and the court date if known.",
        ),
        F::ContactName => (
            "Police contact’s name",
            "Who probation should contact about this referral.",
        ),
        F::ContactEmail => (
            "Police contact’s email address",
            "Probation will write to this address.",
        ),
        F::ContactPhone => (
            "Police contact’s phone number",
            "A number probation can call in working hours.",
        ),
        F::NotForDisclosure => (
            "Material not for disclosure (optional)",
            "Intelligence, sources or information from other people that must not be shown to the person. Leave it empty if there is none.",
        ),
        F::Circumstances => ("Circumstances of the breach", ""),
        F::EarlierBreaches => ("Earlier breaches and what was done", ""),
    }
}

/// The choices of a radio question: (code, label).
fn choices(f: ReferralField) -> Vec<(&'static str, &'static str)> {
    match f {
        F::CustodyNow => CustodyNow::ALL
            .into_iter()
            .map(|c| (c.code(), c.label()))
            .collect(),
        _ => vec![("yes", "Yes"), ("no", "No")],
    }
}

/// One question, bound to the draft.
fn field_view(flow: Flow, f: ReferralField) -> AnyView {
    let draft = flow.keeper.value;
    let (label, hint) = question(f);
    let hint_s: Signal<String> = Signal::stored(hint.to_string());
    let error = error_for(flow.errors.into(), f.id());
    let value = Signal::derive(move || draft.with(|a| answer(a, f)));
    let raw = Signal::derive(move || draft.with(|a| slot(&mut a.clone(), f).clone()));
    let set = Callback::new(move |v: String| draft.update(|a| *slot(a, f) = v));
    match f {
        F::CustodyNow | F::Charged => {
            let items = choices(f)
                .into_iter()
                .enumerate()
                .map(|(i, (code, text))| {
                    let id = if i == 0 {
                        f.id().to_string()
                    } else {
                        format!("{}-{code}", f.id())
                    };
                    RadioItem::new(
                        id,
                        text,
                        Signal::derive(move || value.get() == code),
                        Callback::new(move |()| {
                            flow.keeper.edit_now(|a| *slot(a, f) = code.into())
                        }),
                    )
                })
                .collect();
            let details = (f == F::Charged).then(|| {
                view! {
                    <Show when=move || value.get() == "yes">
                        <div class="radios__conditional">{field_view(flow, F::ChargeDetails)}</div>
                    </Show>
                }
            });
            view! {
                <Radios id=f.id() name=f.id() legend=Legend::Text(label.into())
                    hint=hint
                    error_message=error items>
                    {details}
                </Radios>
            }
            .into_any()
        }
        F::ContactName | F::ContactEmail | F::ContactPhone => {
            let (input_type, autocomplete) = match f {
                F::ContactEmail => ("email", "email"),
                F::ContactPhone => ("tel", "tel"),
                _ => ("text", "name"),
            };
            view! {
                <Input id=f.id() label=label.to_string() hint=hint_s error_message=error
                    value=raw on_input=set input_type=input_type autocomplete=autocomplete
                    spellcheck="false" />
            }
            .into_any()
        }
        _ => view! {
            <Textarea id=f.id() label=label.to_string() hint=hint_s error_message=error
                value=raw on_input=set rows=if f == F::NotForDisclosure { 6 } else { 4 } />
        }
        .into_any(),
    }
}

/// What a page shows besides its questions: the probation contact on the contacts page, the
/// warning on the page not for disclosure.
fn aside(flow: Flow, step: Step) -> Option<AnyView> {
    match step {
        Step::Contacts => {
            let today = flow.app.today.get_untracked();
            let probation = flow.app.cohort.with_untracked(|c| {
                c.nominal(&flow.nominal_id.get_value())
                    .and_then(|n| n.custody.probation_on(today))
                    .cloned()
            });
            Some(view! {
                <h2 class="heading-m">"Probation contact"</h2>
                <div class="inset-text">
                    <p class="body">{probation_text(probation.as_ref())}</p>
                    <p class="hint">"From the nominal’s record. If it is wrong, ask for the record to be updated."</p>
                </div>
            }.into_any())
        }
        Step::Withheld => Some(view! {
            <div class="warning-text">
                <strong>"Part A is disclosed to the person. Put here only what must not be. It is kept apart from the police information and printed on a page of its own, marked “Not for disclosure”."</strong>
            </div>
        }.into_any()),
        _ => None,
    }
}

#[component]
pub(super) fn QuestionStep(flow: Flow, step: Step) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        flow.go_on(step);
    };
    let fields: Vec<AnyView> = step
        .fields()
        .iter()
        .filter(|f| **f != F::ChargeDetails)
        .map(|f| field_view(flow, *f))
        .collect();
    let (before, after) = match step {
        Step::Withheld => (aside(flow, step), None),
        _ => (None, aside(flow, step)),
    };
    view! {
        <ErrorSummary errors=flow.errors.into() />
        <BackLink flow step />
        <span class="caption">{flow.caption()}</span>
        <h1 class="heading-l">{step.title()}</h1>
        {before}
        <form on:submit=submit novalidate>
            {fields}
            {after}
            <button class="button" type="submit">"Continue"</button>
        </form>
    }
}
