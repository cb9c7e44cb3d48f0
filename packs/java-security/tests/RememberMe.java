import java.util.Random;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

public class RememberMe {
    void remember(HttpServletResponse response, String user) {
        // ruleid: JAVA-RANDOM-IN-SECURITY-CODE
        double value = new java.util.Random().nextDouble();
        String rememberMeKey = Double.toString(value).substring(2);
        // ruleid: JAVA-RANDOM-IN-SECURITY-CODE
        int n = new Random().nextInt(99);
        // ruleid: JAVA-RANDOM-IN-SECURITY-CODE
        double d = Math.random();
        // ok: JAVA-RANDOM-IN-SECURITY-CODE
        byte[] key = new java.security.SecureRandom().generateSeed(16);
        // ok: JAVA-RANDOM-IN-SECURITY-CODE
        String doc = "new java.util.Random() is predictable";
        response.addCookie(new Cookie("rememberMe", rememberMeKey + n + d));  // ruleid: JAVA-INSECURE-COOKIE
    }
}
