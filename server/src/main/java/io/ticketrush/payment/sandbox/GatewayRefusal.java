package io.ticketrush.payment.sandbox;

/**
 * The sandbox gateway says no, in the Toss Payments error shape {@code {code, message}}: these
 * codes are the payment provider's protocol, not Ticketrush's problem+json API. Thrown only before
 * anything was written, so the transaction around it has nothing to undo.
 */
public class GatewayRefusal extends RuntimeException {

    private final int status;
    private final String code;

    public GatewayRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static GatewayRefusal invalidRequest(String message) {
        return new GatewayRefusal(400, "INVALID_REQUEST", message);
    }

    public static GatewayRefusal notFound() {
        return new GatewayRefusal(404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.");
    }

    public static GatewayRefusal unauthorizedKey() {
        return new GatewayRefusal(401, "UNAUTHORIZED_KEY", "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public GatewayReply reply() {
        return GatewayReply.error(status, code, getMessage());
    }
}
