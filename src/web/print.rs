//! Printing one part of the page (the verification report, a letter).

/// Prints only one part of the page: `class` on `<body>` selects it in the print CSS.
pub fn print_as(class: &str) {
    let body = gloo::utils::body();
    let list = body.class_list();
    let _ = list.add_1(class);
    let _ = gloo::utils::window().print();
    let _ = list.remove_1(class);
}
