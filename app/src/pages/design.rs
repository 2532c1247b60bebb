//! The living catalogue of the design system (`/design`, for operators): every component the
//! pages use, in its states, so a change to the stylesheet is seen everywhere at once — on a
//! phone too.

use leptos::prelude::*;

use crate::{
    components::{
        badge::{Badge, Tone},
        copy_button::CopyButton,
        portal::Portal,
        table::Table,
    },
    model::SessionView,
};

#[component]
pub fn DesignPage() -> impl IntoView {
    view! {
        <Portal title="page-design-system" operator=true refusal="refusal-operator-design"
            page=|_: SessionView| view! { <Catalogue /> } />
    }
}

#[component]
fn Catalogue() -> impl IntoView {
    view! {
        <p class="lead">"The parts every page is built from. Each section shows a component in the states pages use."</p>
        <section class="card" aria-label="Buttons">
            <h2>"Buttons"</h2>
            <p class="hint">"One primary action per view; secondary beside it; danger last, and only behind a confirmation."</p>
            <div class="actions">
                <button type="button" class="button button-primary">"Primary"</button>
                <button type="button" class="button button-secondary">"Secondary"</button>
                <button type="button" class="button">"Default"</button>
                <button type="button" class="button button-quiet">"Quiet"</button>
                <button type="button" class="button button-danger-outline">"Danger, first step"</button>
                <button type="button" class="button button-danger">"Danger"</button>
                <button type="button" class="button" disabled=true>"Busy"</button>
            </div>
        </section>
        <section class="card" aria-label="Badges">
            <h2>"Badges"</h2>
            <p class="hint">"A badge's colour says what the state means; its word says which state it is."</p>
            <div class="design-swatch">
                <Badge tone=Tone::Success text="Valid" />
                <Badge tone=Tone::Warning text="Pending — DNS TXT record" />
                <Badge tone=Tone::Danger text="Revoked" />
                <Badge tone=Tone::Neutral text="Expired" />
            </div>
        </section>
        <section class="card" aria-label="Alerts">
            <h2>"Alerts"</h2>
            <div class="alert alert-success" role="status">"Success: the changes were saved."</div>
            <div class="alert alert-info">"Information: renewal opens 60 days before expiry."</div>
            <div class="alert alert-warning">"Warning: this key is shown once. Save it now."</div>
            <div class="alert alert-error">"Error: not verified yet — no TXT record was found."</div>
        </section>
        <section class="card" aria-label="Description list">
            <h2>"Description list"</h2>
            <dl class="details">
                <dt>"Status"</dt><dd><Badge tone=Tone::Success text="Order Fulfilled" /></dd>
                <dt>"Price"</dt><dd>"USD 50.00"</dd>
                <dt>"Requester"</dt><dd>"Asha Rao <asha@example.com>"</dd>
            </dl>
        </section>
        <section class="card" aria-label="Record to publish">
            <h2>"Record to publish"</h2>
            <dl class="record">
                <dt>"Name"</dt>
                <dd><code>"_dnsauth.shop.example.com"</code><CopyButton text="_dnsauth.shop.example.com".to_owned() label="Copy the name".to_owned() /></dd>
                <dt>"Value"</dt>
                <dd><code>"2c5f0c1e9b4a47d3a1f0e8b7c6d5a4f3"</code><CopyButton text="2c5f0c1e9b4a47d3a1f0e8b7c6d5a4f3".to_owned() label="Copy the value".to_owned() /></dd>
            </dl>
        </section>
        <section class="card" aria-label="Form rows">
            <h2>"Form rows"</h2>
            <form class="form-card" method="get" action="/design">
                <div class="field">
                    <label for="design-name">"Text field"</label>
                    <p class="field-hint">"A hint under the label."</p>
                    <input id="design-name" name="name" type="text" />
                </div>
                <div class="field field-invalid">
                    <label for="design-bad">"A field with an error"</label>
                    <input id="design-bad" name="bad" type="text" value="not-a-domain" />
                    <p class="field-error">"Enter a domain name such as example.com."</p>
                </div>
                <div class="field checkbox">
                    <input id="design-check" type="checkbox" name="check" />
                    <label for="design-check">"A checkbox beside its label"</label>
                </div>
                <fieldset class="choice">
                    <legend>"Radios"</legend>
                    <label class="choice-option"><input type="radio" name="radio" value="a" checked=true />"Generate the key in this browser"</label>
                    <label class="choice-option"><input type="radio" name="radio" value="b" />"Paste a CSR"</label>
                </fieldset>
            </form>
        </section>
        <section class="card" aria-label="Filter bar">
            <h2>"Filter bar"</h2>
            <form class="filters" method="get" action="/design" aria-label="Example filters">
                <div class="field"><label for="design-from">"From"</label><input id="design-from" name="from" type="date" /></div>
                <div class="field"><label for="design-domain">"Domain"</label><input id="design-domain" name="domain" type="search" /></div>
                <div class="filters-actions">
                    <button type="submit" class="button">"Search"</button>
                    <a class="button button-quiet" href="/design">"Clear"</a>
                </div>
            </form>
        </section>
        <section class="card" aria-label="Table">
            <h2>"Table (cards on a phone)"</h2>
            <Table label="Example orders" cards=true columns=&["Order", "Domain", "Status", "Price"]>
                <tr>
                    <td data-label="Order"><a href="/design">"#12"</a></td>
                    <td data-label="Domain">"shop.example.com"</td>
                    <td data-label="Status"><Badge tone=Tone::Success text="Order Fulfilled" /></td>
                    <td data-label="Price">"USD 50.00"</td>
                </tr>
                <tr>
                    <td data-label="Order"><a href="/design">"#13"</a></td>
                    <td data-label="Domain">"mail.example.com"</td>
                    <td data-label="Status"><Badge tone=Tone::Warning text="Order in progress" /></td>
                    <td data-label="Price">"USD 50.00"</td>
                </tr>
            </Table>
        </section>
        <section class="card" aria-label="Disclosure">
            <h2>"Actions behind their button"</h2>
            <details class="action">
                <summary>"Reissue certificate"</summary>
                <p>"The action's form opens here."</p>
            </details>
            <details class="action action-danger">
                <summary>"Revoke certificate"</summary>
                <p>"Destructive actions come last and lead to a confirm page."</p>
            </details>
        </section>
        <section class="card confirm" aria-label="Confirmation">
            <h2>"Confirmation"</h2>
            <p>"The step before something that cannot be undone names what it is about and offers the way back."</p>
            <div class="actions">
                <button type="button" class="button button-danger">"Revoke certificate"</button>
                <a class="button" href="/design">"Keep the certificate"</a>
            </div>
        </section>
        <section class="card" aria-label="Tabs">
            <h2>"Tabs"</h2>
            <ul class="tabs">
                <li><a href="/design" aria-current="page">"Details"</a></li>
                <li><a href="/design">"History"</a></li>
            </ul>
        </section>
        <section class="card" aria-label="Empty state">
            <h2>"Empty state"</h2>
            <div class="empty-state">
                <p>"No orders yet."</p>
                <a class="button button-primary" href="/orders/new">"New request"</a>
            </div>
        </section>
    }
}
