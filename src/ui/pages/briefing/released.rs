//! "Released today?" at the release-day briefing, for a nominal still in custody whose order
//! waits for release: on "yes", the release (today, with the licence's last day and the
//! probation practitioner) is recorded as a field record, kept encrypted with its outbox entry
//! and sent at the next sync; the phone shows the nominal on licence and the order in force at
//! once, so the briefing can start.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::common::form::entered_date_parts;
use crate::domain::field::release::make_release;
use crate::ui::components::{
    error_for, DateInput, DateItem, ErrorSummary, FieldError, Input, Legend, RadioItem, Radios,
};
use crate::ui::{device_now, new_record_id, use_app};

#[component]
pub fn ReleasedToday(#[prop(into)] nominal_id: String) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(nominal_id);
    let answer = RwSignal::new(String::new());
    let parts: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let probation = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);
    let choice = |radio: &str, value: &'static str, label: &str| {
        RadioItem::new(
            radio,
            label,
            Signal::derive(move || answer.get() == value),
            Callback::new(move |()| answer.set(value.into())),
        )
    };
    let items = vec![
        choice("released", "yes", "Yes"),
        choice("released-no", "no", "No"),
    ];
    let boxes = DateItem::day_month_year("licence-ends", parts);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let [d, m, y] = parts.map(|p| p.get_untracked());
        let name = "The licence's last day";
        let ends = entered_date_parts(&d, &m, &y, "Enter the licence's last day", name);
        let officer = app.officer();
        let made = make_release(
            &answer.get_untracked(),
            ends,
            &probation.get_untracked(),
            &id.get_value(),
            new_record_id("REL"),
            &officer,
            device_now(),
        );
        let release = match made {
            Ok(Some(r)) => r,
            Ok(None) => {
                errors.set(vec![]);
                return;
            }
            Err(p) => {
                errors.set(p.into_iter().map(|(f, m)| FieldError::new(f, m)).collect());
                return;
            }
        };
        errors.set(vec![]);
        saving.set(true);
        spawn_local(async move {
            let result = match app.store() {
                Some(store) => store.submit(&release, None).await.map(|_| ()),
                None => Err(crate::store::StoreError::Locked),
            };
            saving.try_set(false);
            match result {
                Ok(()) => {
                    app.cohort.try_update(|c| {
                        c.add(release);
                        c.apply_releases();
                    });
                }
                Err(e) => {
                    errors.try_set(vec![FieldError::new(
                        "released",
                        format!("The release was not saved: {e}"),
                    )]);
                }
            }
        });
    };
    let no = move || answer.get() == "no";
    view! {
        <ErrorSummary errors=errors.into() />
        <form on:submit=submit novalidate class="released-today">
            <Radios id="released" name="released" legend=Legend::Text("Released today?".into())
                hint="Answer at the gate, on the day. The release date is today: the order made to come into force on release comes into force today."
                error_message=error_for(errors.into(), "released") items>
                <div class="radios__conditional" hidden=move || answer.get() != "yes">
                    <DateInput id="licence-ends" legend=Legend::Text("The licence's last day".into())
                        hint="As on the licence, for example 23 11 2027"
                        error_message=error_for(errors.into(), "licence-ends") items=boxes />
                    <Input id="probation-name" label="Probation practitioner".to_string()
                        error_message=error_for(errors.into(), "probation-name")
                        value=probation on_input=Callback::new(move |v| probation.set(v)) />
                </div>
            </Radios>
            {move || no().then(|| view! {
                <p class="body">"The briefing opens on the day of release. Ask again then."</p>
            })}
            <button class="button" type="submit" disabled=move || saving.get()>"Save and continue"</button>
        </form>
    }
}
