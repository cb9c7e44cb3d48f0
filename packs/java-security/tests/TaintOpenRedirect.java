package com.example.shop.web;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

// Open redirect (JAVA-OPEN-REDIRECT): request data chooses the redirect target. Each
// unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/logout")
public class TaintOpenRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String next = request.getParameter("next");
        if (next == null) next = "/";
        request.getSession().invalidate();
        // ruleid: JAVA-OPEN-REDIRECT
        response.sendRedirect(next);
        // ok: JAVA-OPEN-REDIRECT
        response.sendRedirect(request.getContextPath() + "/login");
    }

    // Referer header -> helper; the safe twin picks the allow-listed slot.
    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String referer = request.getHeader("Referer");
        String back = backTo(referer);
        // ruleid: JAVA-OPEN-REDIRECT
        response.sendRedirect(back);

        java.util.HashMap<String, String> targets = new java.util.HashMap<String, String>();
        targets.put("home", "/home");
        targets.put("requested", referer);
        // ok: JAVA-OPEN-REDIRECT
        response.sendRedirect(targets.get("home"));

        int num = 106;
        String cond = (7 * 18) + num > 200 ? "/home" : referer;
        // ok: JAVA-OPEN-REDIRECT
        response.sendRedirect(cond);
    }

    private static String backTo(String url) {
        return url + "#back";
    }
}

// Spring MVC: "redirect:" view names, RedirectView, ModelAndView.
@org.springframework.stereotype.Controller
class LoginController {

    @PostMapping("/login")
    public String login(@RequestParam("returnUrl") String returnUrl) {
        // ruleid: JAVA-OPEN-REDIRECT
        return "redirect:" + returnUrl;
    }

    @PostMapping("/login-safe")
    public String loginSafe(@RequestParam("returnUrl") String returnUrl) {
        String target = returnUrl;
        target = "/dashboard";
        // ok: JAVA-OPEN-REDIRECT
        return "redirect:" + target;
    }

    @GetMapping("/go")
    public RedirectView go(@RequestParam String url) {
        // ruleid: JAVA-OPEN-REDIRECT
        return new RedirectView(url);
    }

    @GetMapping("/go-home")
    public RedirectView goHome(@RequestParam String url) {
        // ok: JAVA-OPEN-REDIRECT
        return new RedirectView("/home");
    }

    @GetMapping("/continue")
    public ModelAndView continueTo(@RequestParam String step, @RequestParam String lang) {
        // ruleid: JAVA-OPEN-REDIRECT
        return new ModelAndView("redirect:" + step + "?lang=en");
    }

    @GetMapping("/checkout")
    public ModelAndView checkout(@RequestParam String step, @RequestParam String page) {
        int number = Integer.parseInt(page);
        // ok: JAVA-OPEN-REDIRECT
        return new ModelAndView("redirect:/checkout/step?page=" + number);
    }

    // A request-bound parameter Spring converts to a number cannot carry a URL.
    @GetMapping("/checkout-page")
    public ModelAndView checkoutPage(@RequestParam int page, @RequestParam("order") Long order) {
        // ok: JAVA-OPEN-REDIRECT
        return new ModelAndView("redirect:/checkout/step?page=" + page + "&order=" + order);
    }
}
