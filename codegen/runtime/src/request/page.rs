//! The request of another page of a listing: the first page's request
//! with another path and query, or with another value of one query
//! parameter.

use super::{Request, push_query_component};

impl Request {
    /// The request of the page at `path_and_query` (encoded, under the same
    /// host): this request's operation and headers, without a body.
    pub(crate) fn for_page(&self, path_and_query: String) -> Request {
        Request {
            vendor: self.vendor,
            operation: self.operation,
            has_query: path_and_query.contains('?'),
            path_and_query,
            headers: self.headers.clone(),
            body: None,
        }
    }

    /// This request without its body, its query parameter `name` given the
    /// one value `value`: every value it had is dropped, every other
    /// parameter kept in its place.
    pub(crate) fn with_query_value(&self, name: &str, value: &str) -> Request {
        let (path, query) = self
            .path_and_query
            .split_once('?')
            .unwrap_or((&self.path_and_query, ""));
        let mut key = String::with_capacity(name.len());
        push_query_component(&mut key, name);
        let mut page = self.for_page(path.to_owned());
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            if pair.split('=').next() == Some(key.as_str()) {
                continue;
            }
            page.path_and_query
                .push(if page.has_query { '&' } else { '?' });
            page.has_query = true;
            page.path_and_query.push_str(pair);
        }
        page.push_query(name, value);
        page
    }
}

#[cfg(test)]
mod tests {
    use crate::test_vendor::TEST;
    use crate::{Method, Operation, PathPart, Request};

    static LIST: Operation = Operation::new("list", Method::GET, &[PathPart::Literal("/items")]);

    #[test]
    fn one_query_value_replaced_the_rest_kept_in_place() {
        let request = Request::new(&TEST, &LIST, "/items".to_owned())
            .query("cursor", Some("a"))
            .query("tag", Some("x y"))
            .query("cursor", Some("b"))
            .header("X-Trace", Some("t"));
        let page = request.with_query_value("cursor", "c/d");
        assert_eq!(page.path_and_query(), "/items?tag=x%20y&cursor=c%2Fd");
        assert_eq!(page.headers(), request.headers());
        let bare = Request::new(&TEST, &LIST, "/items".to_owned());
        assert_eq!(
            bare.with_query_value("page", "2").path_and_query(),
            "/items?page=2"
        );
    }

    #[test]
    fn a_page_keeps_the_headers_and_drops_the_body() {
        let request = Request::new(&TEST, &LIST, "/items".to_owned())
            .header("X-Trace", Some("t"))
            .json(&serde_json::json!({"q": 1}))
            .unwrap();
        let page = request.for_page("/items?offset=20".to_owned());
        assert_eq!(page.path_and_query(), "/items?offset=20");
        assert_eq!(page.body(), None);
        assert_eq!(page.headers(), request.headers());
        let more = page.with_query_value("limit", "5");
        assert_eq!(more.path_and_query(), "/items?offset=20&limit=5");
    }
}
