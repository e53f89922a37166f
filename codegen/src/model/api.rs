//! The intermediate model: what to generate, with every Rust name decided.
//!
//! Built from the collection (and overlay) by `lower` and `types`; read by
//! the emitter, which only prints. Names here are final and unique in their
//! scope; a leading `r#` marks a raw identifier.

use crate::draft::auth::AuthScheme;
use crate::draft::response::Example;
pub(crate) use crate::model::api_paging::{FieldStep, PageImpl, PagingSpec};
pub(crate) use crate::model::api_types::{
    EnumDef, FieldDef, StructDef, TypeDef, TypeRef, UnionDef, UnionVariant, Variant,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Everything the generated module contains.
#[derive(Debug, Clone, Default)]
pub(crate) struct Api {
    pub title: String,
    /// The main host's default URL (scheme, host and any path prefix).
    pub base_url: Option<String>,
    /// Every host the operations go to, the main one first.
    pub hosts: Vec<HostSpec>,
    pub handles: Vec<Handle>,
    pub operations: Vec<Operation>,
    pub types: Vec<TypeDef>,
    /// Position of each type in `types`, by name: the emitter looks types up
    /// once per field, and a scan would make generation quadratic.
    pub type_index: BTreeMap<String, usize>,
    /// The features each type (named, parameter or multipart struct) needs,
    /// by name; a type not listed is always compiled.
    pub type_gates: BTreeMap<String, Gate>,
    /// The page types of listings that page, by name (never an alias).
    pub pages: BTreeMap<String, PageImpl>,
}

impl Api {
    /// The definition of the type called `name`.
    pub(crate) fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.type_index.get(name).and_then(|&i| self.types.get(i))
    }

    /// The path parameters of handle `owner` from the root down, its own
    /// last; none for the client.
    pub(crate) fn path_params(&self, owner: Option<usize>) -> Vec<&PathParam> {
        path_params(&self.handles, owner)
    }

    /// The struct called `name`, if it is one.
    pub(crate) fn struct_def(&self, name: &str) -> Option<&StructDef> {
        match self.type_def(name)? {
            TypeDef::Struct(s) => Some(s),
            _ => None,
        }
    }

    /// The enum called `name`, if it is one.
    pub(crate) fn enum_def(&self, name: &str) -> Option<&EnumDef> {
        match self.type_def(name)? {
            TypeDef::Enum(e) => Some(e),
            _ => None,
        }
    }
}

/// When an item is compiled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum Gate {
    /// Always: some user of it belongs to no feature.
    #[default]
    Always,
    /// When any of these features is enabled.
    Any(BTreeSet<String>),
}

impl Gate {
    /// The gate of an item of a collection with `feature`.
    pub(crate) fn of(feature: Option<&str>) -> Gate {
        match feature {
            None => Gate::Always,
            Some(f) => Gate::Any(BTreeSet::from([f.to_owned()])),
        }
    }

    /// Needed by whoever needs `self` or `other`.
    pub(crate) fn join(&mut self, other: &Gate) {
        match (&mut *self, other) {
            (Gate::Always, _) => {}
            (_, Gate::Always) => *self = Gate::Always,
            (Gate::Any(mine), Gate::Any(theirs)) => mine.extend(theirs.iter().cloned()),
        }
    }
}

/// A host operations go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HostSpec {
    /// The name a caller overrides it by: its variable, else its URL.
    pub name: String,
    /// Its URL from the spec (a variable's collection value), if any.
    pub default: Option<String>,
}

/// A resource handle: a value that holds the path parameters leading to a
/// resource and offers its operations (`client.orders(id).cancel()`,
/// `client.orders().list()`).
#[derive(Debug, Clone)]
pub(crate) struct Handle {
    pub type_name: String,
    /// Method on the parent (or the client) that returns this handle.
    pub accessor: String,
    pub parent: Option<usize>,
    /// The path literal that names the resource, as written in the spec.
    pub resource: String,
    pub kind: HandleKind,
    /// The features it needs: those of the operations under it.
    pub gate: Gate,
    /// This handle's own path parameter (an item's); the earlier ones belong
    /// to its ancestors (see [`Api::path_params`]). Holding only its own
    /// keeps the model, and the code emitted from it, linear in the path's
    /// length.
    pub param: Option<PathParam>,
}

/// The method every handle has that makes it own its ids; no child or
/// operation of a handle takes its name.
pub(crate) const INTO_OWNED: &str = "into_owned";

/// What a handle stands for, read from the path's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum HandleKind {
    /// A literal alone (`Message/`): the collection; its accessor takes no
    /// argument.
    Collection,
    /// A literal and a parameter (`Message/{id}/`): one item of it.
    Item,
    /// A literal and the credentials (`Account/{{user}}/`): the caller's own
    /// resource; its accessor takes no argument.
    Own,
    /// A literal at the root that no path follows with a parameter
    /// (`/health`, `Pricing/`): one resource, not known to hold items; its
    /// accessor takes no argument and keeps the literal's number.
    Single,
}

/// The path parameters of `handles[owner]` from the root down, its own last.
pub(crate) fn path_params(handles: &[Handle], owner: Option<usize>) -> Vec<&PathParam> {
    let mut out = Vec::new();
    let mut at = owner;
    while let Some(h) = at.and_then(|i| handles.get(i)) {
        out.extend(&h.param);
        // A parent always comes before its child, so the walk ends.
        at = h.parent.filter(|&p| Some(p) < at);
    }
    out.reverse();
    out
}

#[derive(Debug, Clone)]
pub(crate) struct PathParam {
    /// The name in the spec.
    pub wire: String,
    /// The Rust field and argument name.
    pub field: String,
    pub doc: String,
    /// A format the runtime checks, from the overlay.
    pub format: Option<String>,
    /// A value to show in examples.
    pub example: String,
    /// The example is the overlay's, which wins over the item's own.
    pub example_fixed: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Operation {
    /// Folder path and name of the item, for docs and errors.
    pub item: String,
    pub method_name: String,
    /// Unique across the API; names the operation in errors and logs.
    pub qualified_name: String,
    pub const_name: String,
    pub http_method: String,
    pub idempotent: bool,
    /// The handle that offers this operation; `None` for the client itself.
    pub owner: Option<usize>,
    /// The feature of its collection, if any.
    pub gate: Gate,
    /// Index into `Api::hosts`.
    pub host: usize,
    pub path: Vec<PathPiece>,
    /// This item's own example values of its path parameters, by wire name:
    /// its examples show them rather than those of the handle's first item
    /// (an overlay's example still wins).
    pub path_examples: BTreeMap<String, String>,
    /// The path as the spec writes it, such as `/v1/orders/{order_id}`.
    pub template: String,
    pub auth: AuthScheme,
    /// Query parameters with a fixed value, sent by the method, never
    /// passed by callers; they tell operations on one URL apart.
    pub query_constants: Vec<(String, String)>,
    pub params: Option<ParamsSpec>,
    pub body: Option<BodySpec>,
    /// The item's own `Content-Type`, where the runtime would write another
    /// for this kind of body.
    pub content_type: Option<String>,
    /// The item's own `Accept`, where it is not the runtime's default.
    pub accept: Option<String>,
    pub response: ResponseSpec,
    /// The documented error bodies, typed, by status; read from an error
    /// by the type named here.
    pub errors: Option<ErrorBodies>,
    pub doc: String,
    pub examples: Vec<Example>,
    /// A second method for the answer a parameter switches to.
    pub variant: Option<VariantSpec>,
    /// How it pages, when it lists items across pages.
    pub paging: Option<PagingSpec>,
}

/// The method of a response variant: the plain method's arguments and the
/// variant's parameters, answered as the variant's example shows.
#[derive(Debug, Clone)]
pub(crate) struct VariantSpec {
    pub method_name: String,
    /// The struct of the parameters (`TypeRef::Named`).
    pub params: TypeRef,
    /// The parameters go in the query (else in the JSON body).
    pub in_query: bool,
    pub response: ResponseSpec,
    /// The example the answer is typed from.
    pub example_name: String,
    /// The parameters' example values, for docs.
    pub example: Value,
}

/// An operation's documented error bodies: one type with a variant per
/// status (`404`, `4XX`, `default`).
#[derive(Debug, Clone)]
pub(crate) struct ErrorBodies {
    pub type_name: String,
    pub bodies: Vec<ErrorBody>,
}

/// The body documented for one status, or range of statuses.
#[derive(Debug, Clone)]
pub(crate) struct ErrorBody {
    /// As the spec writes it: `404`, `4XX`, `default`.
    pub status: String,
    pub variant: String,
    pub ty: TypeRef,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathPiece {
    Literal(String),
    /// Index into the owner handle's `params`.
    Param(usize),
    /// Filled from the client's credentials.
    Username,
    Password,
}

/// Query and header parameters, gathered in one struct per operation.
#[derive(Debug, Clone)]
pub(crate) struct ParamsSpec {
    pub type_name: String,
    pub fields: Vec<ParamField>,
    /// The earlier operation's parameter struct of the same shape this one
    /// is an alias of.
    pub shares: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct ParamField {
    pub wire: String,
    pub field: String,
    pub location: ParamLocation,
    /// The key appears more than once: a list of values.
    pub repeated: bool,
    pub doc: String,
    /// The values the spec sends (enabled entries with a value), in order:
    /// for examples.
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamLocation {
    Query,
    Header,
}

#[derive(Debug, Clone)]
pub(crate) struct BodySpec {
    /// The caller's part of the body; `None` when the body holds only constants.
    pub ty: Option<TypeRef>,
    /// The caller may leave the body out.
    pub optional: bool,
    /// Fields with a fixed value, added by the runtime, never passed by callers.
    pub constants: Vec<(String, Value)>,
    /// The spec's example body, for docs.
    pub example: Option<Value>,
    /// How the body goes on the wire.
    pub kind: BodyKind,
}

/// How a body is written, with what the spec fixes about it.
#[derive(Debug, Clone)]
pub(crate) enum BodyKind {
    Json,
    /// `application/x-www-form-urlencoded`; the top-level keys written once
    /// per value (repeated in the spec, or ending in `[]`).
    Form {
        repeated: Vec<String>,
    },
    /// `multipart/form-data`, with its own struct of parts.
    Multipart(MultipartDef),
    /// One file, with the spec's content type if it gives one.
    File {
        content_type: Option<String>,
    },
    /// A string sent with this content type.
    Text {
        content_type: String,
    },
    /// `{"query", "variables"}`; `variables` says whether the spec sends
    /// any (an empty object when the caller has none to pass).
    GraphQl {
        query: String,
        variables: bool,
    },
}

/// A multipart body's struct: one field per part.
#[derive(Debug, Clone)]
pub(crate) struct MultipartDef {
    pub name: String,
    pub doc: String,
    pub parts: Vec<PartDef>,
}

/// One multipart part.
#[derive(Debug, Clone)]
pub(crate) struct PartDef {
    pub wire: String,
    pub field: String,
    /// A scalar for a text part; `Upload` for a file.
    pub ty: TypeRef,
    pub content_type: Option<String>,
    pub optional: bool,
    pub doc: String,
    /// For examples: a text part's value in the spec, a file part's file
    /// name (from the path the spec saved).
    pub example: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ResponseSpec {
    /// A JSON body of this type.
    Json(TypeRef),
    /// No body worth reading.
    Empty,
    /// A body that is not JSON.
    Text,
    /// A body that is neither JSON nor text, as the item's `Accept` asks.
    Bytes,
    /// Examples say nothing: any JSON, an empty body read as `null`.
    Any,
}
