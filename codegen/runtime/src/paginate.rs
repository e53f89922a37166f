//! Listings of more than one page: the pages one after another
//! ([`Pages`]), or their items ([`Items`]), each next page found by the
//! previous one ([`Page`], [`NextPage`]) and sent as a call of the same
//! operation.
//!
//! The pieces import one way: `page` (the trait) and `link` (where a link
//! points) import nothing here; `pages` uses both; `items` uses `pages`.

mod items;
mod link;
mod page;
mod pages;

pub use items::Items;
pub use page::{NextPage, Page};
pub use pages::Pages;
