//! The form writers of generated structs, from a table of their fields: a
//! struct's impl is one line per field instead of a method body each.

/// Implements [`WriteForm`](crate::WriteForm) (`top`) or
/// [`FormValue`](crate::FormValue) (`nested`) for a generated struct from
/// its fields in order, each as `kind "wire" => field`: `field` writes the
/// value under its key (nested ones in brackets after the outer key);
/// in a `top` table only, `repeated` writes a list's key once per value and
/// `repeated_opt` the same for an optional list (a nested struct's lists are
/// written in brackets by `field`).
#[macro_export]
macro_rules! form_impl {
    (top $ty:ty { $($kind:ident $wire:literal => $field:ident,)* }) => {
        impl $crate::WriteForm for $ty {
            fn write_form(&self, form: &mut $crate::Form<'_>) -> ::std::result::Result<(), $crate::Error> {
                $($crate::form_impl!(@$kind form, "", $wire, self.$field);)*
                Ok(())
            }
        }
    };
    (nested $ty:ty { $(field $wire:literal => $field:ident,)* }) => {
        impl $crate::FormValue for $ty {
            fn write_form(&self, key: &str, form: &mut $crate::Form<'_>) -> ::std::result::Result<(), $crate::Error> {
                $(form.field(key, $wire, &self.$field)?;)*
                Ok(())
            }
        }
    };
    (@field $form:ident, $key:expr, $wire:literal, $value:expr) => {
        $form.field($key, $wire, &$value)?
    };
    (@repeated $form:ident, $key:expr, $wire:literal, $value:expr) => {
        $form.repeated($wire, &$value)?
    };
    (@repeated_opt $form:ident, $key:expr, $wire:literal, $value:expr) => {
        if let Some(values) = &$value {
            $form.repeated($wire, values)?
        }
    };
}
