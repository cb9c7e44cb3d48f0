use openssl::symm::{encrypt, Cipher};

type Aes128EcbEnc = ecb::Encryptor<aes::Aes128>; // ruleid: RS-WEAK-CIPHER

fn ciphers(key: &[u8], iv: &[u8], data: &[u8]) {
    // ruleid: RS-WEAK-CIPHER
    let c = encrypt(Cipher::des_ede3_cbc(), key, Some(iv), data);
    // ruleid: RS-WEAK-CIPHER
    let c = encrypt(Cipher::aes_128_ecb(), key, None, data);
    // ruleid: RS-WEAK-CIPHER
    let c = encrypt(openssl::symm::Cipher::rc4(), key, None, data);
    // ruleid: RS-WEAK-CIPHER
    let cipher = Des::new_from_slice(key).unwrap();
    // ruleid: RS-WEAK-CIPHER
    let mut rc4 = Rc4::new(key.into());
    // ruleid: RS-WEAK-CIPHER
    let enc = ecb::Encryptor::<Aes128>::new(key.into());
    // ok: RS-WEAK-CIPHER
    let c = encrypt(Cipher::aes_256_gcm(), key, Some(iv), data);
    // ok: RS-WEAK-CIPHER
    let enc = cbc::Encryptor::<Aes128>::new(key.into(), iv.into());
    // ok: RS-WEAK-CIPHER
    let cipher = Aes256Gcm::new_from_slice(key).unwrap();
    // ok: RS-WEAK-CIPHER
    let note = "Cipher::des_ede3_cbc() is legacy";
    // ok: RS-WEAK-CIPHER
    // let c = encrypt(Cipher::des_ede3_cbc(), key, Some(iv), data);
}

// ok: RS-WEAK-CIPHER
fn des_ede3_cbc() -> Cipher { Cipher::aes_256_cbc() }
