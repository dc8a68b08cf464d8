use super::*;

#[test]
fn refuses_garbage_without_panicking() {
    for bad in [
        &[][..],
        &[0, 0, 0],
        &[0x30],
        &[0x30, 0x03, 0x06, 0x01, 0x00],
        &[0x30, 0x00, 0x01],
        &[0x04, 0x00],
    ] {
        assert!(parse(bad).is_err(), "{bad:?}");
    }
    assert_eq!(
        parse(&[0x30, 0x00, 0x00, 0x07]).unwrap_err().code(),
        "cms_trailing_data"
    );
}
