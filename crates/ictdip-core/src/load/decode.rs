//! Bytes to text. The encoding is detected from the bytes, never guessed from the file name:
//! a BOM wins; then valid UTF-8 (the common case, checked first because it is the fastest);
//! then NUL bytes mark a binary file; otherwise chardetng picks a legacy encoding
//! (Windows-1251 and KOI8-R are the usual Cyrillic ones).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why a file's bytes are not an article.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
}

/// The decoded text and the name of the encoding it was in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Takes the bytes, which become the text without a copy when they are UTF-8 already (nearly
/// always).
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        let body = &bytes[bom_len..];
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(DecodeError::Empty);
        }
        let (text, _) = enc.decode_without_bom_handling(body);
        return Ok(Decoded { text: text.into_owned(), encoding: enc.name() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let bytes = match ictdip_scan::utf8_string(bytes) {
        Ok(text) if memchr::memchr(0, text.as_bytes()).is_some() => return Err(DecodeError::Binary),
        Ok(text) => return Ok(Decoded { text, encoding: UTF_8.name() }),
        Err(bytes) => bytes,
    };
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(enc) = utf16_without_bom(head) {
        let (text, _) = enc.decode_without_bom_handling(&bytes);
        return Ok(Decoded { text: text.into_owned(), encoding: enc.name() });
    }
    if head.contains(&0) || looks_binary(head) {
        return Err(DecodeError::Binary);
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(&bytes, true);
    let enc = det.guess(None, true);
    let (text, _, _) = enc.decode(&bytes);
    Ok(Decoded { text: text.into_owned(), encoding: enc.name() })
}

/// UTF-16 text without a BOM shows as every other byte NUL over ASCII-range text; Cyrillic
/// UTF-16 has 0x04 as every other byte. Recognised only when the pattern is overwhelming.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let hi_le = head.chunks_exact(2).filter(|p| p[1] == 0 || p[1] == 4).count();
    let hi_be = head.chunks_exact(2).filter(|p| p[0] == 0 || p[0] == 4).count();
    if hi_le * 10 >= pairs * 9 {
        Some(UTF_16LE)
    } else if hi_be * 10 >= pairs * 9 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Control bytes other than tab, newline, carriage return and form feed are rare in any text
/// encoding; more than a few percent of them mean an image, archive or executable.
fn looks_binary(head: &[u8]) -> bool {
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    controls * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: &str = "Министры стран ШОС обсудили развитие цифровой экономики в Ташкенте.";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(RU.as_bytes().to_vec()).unwrap().text, RU);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(RU.as_bytes());
        assert_eq!(decode(b.clone()).unwrap().text, RU);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        for (enc, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let units: Vec<u16> = RU.encode_utf16().collect();
            let mut b = bom.to_vec();
            for u in units {
                let pair = if enc == UTF_16LE { u.to_le_bytes() } else { u.to_be_bytes() };
                b.extend_from_slice(&pair);
            }
            let d = decode(b.clone()).unwrap();
            assert_eq!(d.text, RU);
            assert_eq!(d.encoding, enc.name());
        }
    }

    #[test]
    fn windows_1251_and_koi8_r_are_detected() {
        let long = RU.repeat(4);
        for enc in [encoding_rs::WINDOWS_1251, encoding_rs::KOI8_R] {
            let (bytes, _, _) = enc.encode(&long);
            let d = decode(bytes.to_vec()).unwrap();
            assert_eq!(d.text, long, "decoding {}", enc.name());
            // KOI8-U is a superset of KOI8-R: either name decodes Russian text identically.
            assert!(d.encoding.starts_with(&enc.name()[..4]), "{} for {}", d.encoding, enc.name());
        }
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(Vec::new()).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t ".to_vec()).unwrap_err(), DecodeError::Empty);
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R', 0, 0, 1, 0];
        assert_eq!(decode(png.to_vec()).unwrap_err(), DecodeError::Binary);
    }
}
