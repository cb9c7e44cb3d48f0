import java.util.Random;

public class Dice {
    int roll() {
        // ok: JAVA-RANDOM-IN-SECURITY-CODE
        return new Random().nextInt(6) + 1;
    }
}
