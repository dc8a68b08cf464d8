//! The certificate tab's cards: those the filter matches, a page at a time.

use std::rc::Rc;

use yew::prelude::*;

use super::cert_card::CertCard;
use super::cert_state::matches_filter;
use super::lang::{fill, t, use_lang};
use crate::report::CertEntry;

/// Cards drawn at once. A merged agency's folder holds hundreds of certificates:
/// every one is read, validated and counted at once, but drawing a thousand cards
/// would freeze the tab for seconds, so they are shown a page at a time (the filter
/// searches all of them).
pub const PAGE: usize = 60;

#[derive(Properties)]
pub struct CertCardsProps {
    /// Every certificate of the report, in report order.
    pub cards: Vec<Rc<CertEntry>>,
    /// The filter text, trimmed and in lower case; empty for all.
    pub needle: AttrValue,
    /// How many matching cards to draw.
    pub limit: usize,
    /// "Show more": the next page.
    pub on_more: Callback<()>,
}

/// The same cards (by pointer: each change of the tab makes new ones), filter, page
/// and callback.
impl PartialEq for CertCardsProps {
    fn eq(&self, other: &Self) -> bool {
        self.cards.len() == other.cards.len()
            && self
                .cards
                .iter()
                .zip(&other.cards)
                .all(|(a, b)| Rc::ptr_eq(a, b))
            && self.needle == other.needle
            && self.limit == other.limit
            && self.on_more == other.on_more
    }
}

#[component]
pub fn CertCards(props: &CertCardsProps) -> Html {
    let lang = use_lang();
    let needle = props.needle.as_str();
    let shown: Vec<&Rc<CertEntry>> = props
        .cards
        .iter()
        .filter(|c| needle.is_empty() || matches_filter(c, needle))
        .collect();
    let matching = shown.len();
    let hidden = matching.saturating_sub(props.limit);
    let on_more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <>
            if !needle.is_empty() {
                <p class="muted">{ fill(lang, "ui_showing", &[&matching.to_string(), &props.cards.len().to_string()]) }</p>
            }
            <div class="cards">
                { for shown.into_iter().take(props.limit).map(|c| html! {
                    <CertCard key={format!("{}#{}#{}", c.file, c.index, c.facts.sha256)} entry={Rc::clone(c)} />
                }) }
            </div>
            if hidden > 0 {
                <p class="more">
                    <button type="button" class="button" onclick={on_more} data-testid="show-more">
                        { fill(lang, "ui_show_more", &[&hidden.min(PAGE).to_string(), &hidden.to_string()]) }
                    </button>
                    <span class="muted">{ t(lang, "ui_show_more_hint") }</span>
                </p>
            }
        </>
    }
}
