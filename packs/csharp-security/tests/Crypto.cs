using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Security;

namespace Shop.Security;

public class Crypto
{
    public void Hashes(byte[] data, string password)
    {
        // ruleid: CS-WEAK-HASH
        var digest = SHA1.HashData(data);
        // ruleid: CS-WEAK-HASH
        using var md5 = System.Security.Cryptography.MD5.Create();
        // ruleid: CS-WEAK-HASH
        var legacy = new SHA1CryptoServiceProvider();
        // ruleid: CS-WEAK-HASH
        var byName = HashAlgorithm.Create("MD5");
        // ruleid: CS-WEAK-HASH
        var configured = (HashAlgorithm)CryptoConfig.CreateFromName("SHA1");

        // ok: CS-WEAK-HASH
        var strong = SHA256.Create();
        // ok: CS-WEAK-HASH
        var mac = new HMACSHA256(key);
        // ok: CS-WEAK-HASH
        var named = HashAlgorithm.Create("SHA256");
        // ok: CS-WEAK-HASH
        var text = "MD5.Create() is not allowed here";
        // ok: CS-WEAK-HASH
        // var old = MD5.Create();
        // ok: CS-WEAK-HASH
        var helper = Md5Helper.Create();
    }

    // ok: CS-WEAK-HASH
    public static byte[] HashData(byte[] data) => SHA256.HashData(data);

    public void Ciphers(byte[] key, byte[] data)
    {
        // ruleid: CS-WEAK-CIPHER
        using var tdes = TripleDES.Create();
        // ruleid: CS-WEAK-CIPHER
        var rc2 = new RC2CryptoServiceProvider();
        using var aes = Aes.Create();
        // ruleid: CS-WEAK-CIPHER
        aes.Mode = CipherMode.ECB;
        // ruleid: CS-WEAK-CIPHER
        var ecb = aes.EncryptEcb(data, PaddingMode.PKCS7);
        // ruleid: CS-WEAK-CIPHER
        var rm = new RijndaelManaged { Mode = System.Security.Cryptography.CipherMode.ECB };
        // ruleid: CS-WEAK-CIPHER
        var bc = CipherUtilities.GetCipher("AES/ECB/PKCS7Padding");
        // ruleid: CS-WEAK-CIPHER
        var rc4 = new RC4Engine();

        // ok: CS-WEAK-CIPHER
        aes.Mode = CipherMode.CBC;
        // ok: CS-WEAK-CIPHER
        if (aes.Mode == CipherMode.ECB) throw new CryptographicException("ECB is not allowed");
        // ok: CS-WEAK-CIPHER
        var gcm = CipherUtilities.GetCipher("AES/GCM/NoPadding");
        // ok: CS-WEAK-CIPHER
        var note = "DES.Create() and CipherMode.ECB are banned";
        // ok: CS-WEAK-CIPHER
        // aes.Mode = CipherMode.ECB;
        // ok: CS-WEAK-CIPHER
        var cbc = aes.EncryptCbc(data, iv);
    }

    public void Randomness()
    {
        // ruleid: CS-INSECURE-RANDOM
        string sessionId = new Random().Next().ToString("x");
        // ruleid: CS-INSECURE-RANDOM
        var apiKey = Convert.ToBase64String(BitConverter.GetBytes(Random.Shared.NextInt64()));
        // ruleid: CS-INSECURE-RANDOM
        _passwordSalt = new System.Random(Environment.TickCount).Next(100000, 999999);
        // ruleid: CS-INSECURE-RANDOM
        var otpCode = Random.Shared.Next(100000, 999999);

        // ok: CS-INSECURE-RANDOM
        var dice = new Random().Next(1, 7);
        // ok: CS-INSECURE-RANDOM
        var nonce = RandomNumberGenerator.GetBytes(16);
        // ok: CS-INSECURE-RANDOM
        var token = new CryptoRandom().Next();
        // ok: CS-INSECURE-RANDOM
        var tokenDoc = "never use new Random() for a token";
        // ok: CS-INSECURE-RANDOM
        // var resetToken = new Random().Next();
    }

    public void Tls(HttpClientHandler handler, SocketsHttpHandler sockets)
    {
        // ruleid: CS-CERT-VALIDATION-OFF
        ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
        // ruleid: CS-CERT-VALIDATION-OFF
        handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        // ruleid: CS-CERT-VALIDATION-OFF
        sockets.SslOptions.RemoteCertificateValidationCallback = (sender, cert, chain, errors) => { return true; };
        // ruleid: CS-CERT-VALIDATION-OFF
        var ssl = new SslStream(stream, false, (s, c, ch, e) => true);
        var client = new HttpClient(new HttpClientHandler
        {
            // ruleid: CS-CERT-VALIDATION-OFF
            ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true
        });

        // ok: CS-CERT-VALIDATION-OFF
        handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;
        // ok: CS-CERT-VALIDATION-OFF
        handler.ServerCertificateCustomValidationCallback = ValidatePinned;
        // ok: CS-CERT-VALIDATION-OFF
        var warning = "ServerCertificateCustomValidationCallback = (a, b, c, d) => true disables TLS";
        // ok: CS-CERT-VALIDATION-OFF
        // handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        // ok: CS-CERT-VALIDATION-OFF
        handler.CheckCertificateRevocationList = true;
    }

    // ok: CS-CERT-VALIDATION-OFF
    private static bool ValidatePinned(HttpRequestMessage m, X509Certificate2 c, X509Chain ch, SslPolicyErrors e) => e == SslPolicyErrors.None;
}
