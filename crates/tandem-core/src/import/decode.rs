//! Turning the file's bytes into text: BOM sniffing, UTF-8, UTF-16 and the Windows-1252 fallback that
//! older HR systems and Excel "CSV" exports still produce.
//!
//! Anything that does not look like text (NUL bytes outside UTF-16, a zip or PDF signature, many
//! control characters) is refused with [`CoreError::InvalidFile`] before parsing starts. To support
//! another legacy encoding, add a branch before the Windows-1252 fallback and a sample file.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::{CoreError, CoreResult, RefusalKey};

/// What to tell a person whose file is not a readable CSV export.
pub(crate) const EXPORT_ADVICE: &str =
    "Export the file as CSV (UTF-8) from your HR system and try again.";

/// The file's text, with the name of the encoding it was read in.
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

pub(crate) fn decode(bytes: &[u8]) -> CoreResult<Decoded> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(invalid(RefusalKey::FileEmpty, "The file is empty."));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(invalid(
            RefusalKey::FileIsWorkbook,
            "This is a spreadsheet workbook (e.g. .xlsx), not a CSV file: save it as \"CSV UTF-8\" first.",
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(invalid(
            RefusalKey::FileIsPdf,
            "This is a PDF document, not a CSV file.",
        ));
    }

    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        // A BOM names the encoding; malformed content after it means a damaged file.
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(invalid(
                RefusalKey::FileBadBytes,
                &format!(
                    "The file starts as {} text but contains bytes that are not valid in it.",
                    encoding.name()
                ),
            )
            .with("encoding", encoding.name()));
        }
        (text.into_owned(), encoding)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), UTF_8)
    } else {
        // Not UTF-8: the usual culprit is Excel on Windows, which writes Windows-1252. Every byte
        // decodes, so garbage is caught by the control-character check below.
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        (text.into_owned(), WINDOWS_1252)
    };

    if !looks_like_text(&text) {
        return Err(invalid(
            RefusalKey::FileNotText,
            "The file does not contain text.",
        ));
    }
    if text.trim().is_empty() {
        return Err(invalid(RefusalKey::FileEmpty, "The file is empty."));
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// Text files have no NUL and hardly any other control characters; binary files have plenty.
fn looks_like_text(text: &str) -> bool {
    let mut controls = 0usize;
    let mut total = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return false;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    // A stray control character in a real export is tolerated; one in a hundred is not text.
    controls * 100 <= total
}

fn invalid(key: RefusalKey, what: &str) -> CoreError {
    CoreError::invalid_file(key, format!("{what} {EXPORT_ADVICE}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_read_as_windows_1252() -> CoreResult<()> {
        let decoded = decode(b"nom;pr\xe9nom\nC\x9cur;H\xe9l\xe8ne\n")?;
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.text, "nom;prénom\nCœur;Hélène\n");
        Ok(())
    }

    #[test]
    fn utf16_big_endian_with_a_bom_is_read() -> CoreResult<()> {
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend(
            "id\tnom\nE1\tLœuillet\n"
                .encode_utf16()
                .flat_map(u16::to_be_bytes),
        );
        let decoded = decode(&bytes)?;
        assert_eq!(decoded.encoding, "UTF-16BE");
        assert_eq!(decoded.text, "id\tnom\nE1\tLœuillet\n");
        Ok(())
    }

    #[test]
    fn utf16_without_a_bom_is_refused_as_binary() {
        let bytes: Vec<u8> = "id,email\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(matches!(decode(&bytes), Err(CoreError::InvalidFile(_))));
    }
}
