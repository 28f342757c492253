#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
/*
 * ES256 verification straight from a raw JOSE r||s signature and a SHA-256
 * digest, for the JWT module's hot path. It uses the EC_KEY API, deprecated in
 * OpenSSL 3.0 but still shipped, because the EVP route costs a provider
 * fetch, a key-type name lookup and a DER encode/decode on every call (~25%
 * of an ES256 verification here); jwt-kit calls ECDSA_do_verify likewise.
 * The deprecation warning is silenced for these few lines only, so the
 * build stays warning-free. The EC_KEY is only read, so one key may be used
 * by many threads at once. Returns 1 for a valid signature, 0 otherwise
 * (including any internal failure); the caller checks r and s lie in [1, n-1].
 */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
static inline EC_KEY *copenssl_pkey_get1_ec_key(EVP_PKEY *pkey) { return EVP_PKEY_get1_EC_KEY(pkey); }

static inline void copenssl_ec_key_free(EC_KEY *key) { EC_KEY_free(key); }

static inline int copenssl_ecdsa_verify_raw(const unsigned char *digest, size_t digest_len, const unsigned char *rs,
                                            size_t scalar_len, EC_KEY *key) {
    ECDSA_SIG *sig = ECDSA_SIG_new();
    if (sig == NULL) return 0;
    BIGNUM *r = BN_bin2bn(rs, (int)scalar_len, NULL);
    BIGNUM *s = BN_bin2bn(rs + scalar_len, (int)scalar_len, NULL);
    if (r == NULL || s == NULL || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return 0;
    }
    int ok = ECDSA_do_verify(digest, (int)digest_len, sig, key);
    ECDSA_SIG_free(sig);
    return ok == 1;
}
#pragma clang diagnostic pop
#endif
