package com.example.shop.web;

import java.io.IOException;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

// Code injection (JAVA-CODE-INJECTION): request data evaluated as a script or an
// expression. Each unsafe case has a safe twin that differs only in flow.
@WebServlet(value = "/calc")
public class TaintCodeInjection extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String formula = request.getParameter("formula");
        if (formula == null) formula = "0";
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        try {
            // ruleid: JAVA-CODE-INJECTION
            Object result = engine.eval(formula);
            // ruleid: JAVA-CODE-INJECTION
            Object wrapped = engine.eval("var input = '" + formula + "'; input.length");

            Bindings bindings = engine.createBindings();
            bindings.put("input", formula);
            // ok: JAVA-CODE-INJECTION
            Object bound = engine.eval("input.length", bindings);
        } catch (javax.script.ScriptException e) {
            throw new ServletException(e);
        }
    }

    // getHeader -> helper -> GroovyShell; the safe twin takes the constant slot.
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String rule = request.getHeader("X-Pricing-Rule");
        String script = asScript(rule);
        groovy.lang.GroovyShell shell = new groovy.lang.GroovyShell();
        // ruleid: JAVA-CODE-INJECTION
        Object price = shell.evaluate(script);

        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "return 42");
        map.put("keyB", rule);
        // ok: JAVA-CODE-INJECTION
        Object fixed = shell.evaluate((String) map.get("keyA"));
    }

    private static String asScript(String body) {
        return "def price = { -> " + body + " }; price()";
    }
}

// Spring Expression Language.
@org.springframework.stereotype.Controller
class ReportController {

    private final ExpressionParser parser = new SpelExpressionParser();

    @GetMapping("/report")
    public String report(@RequestParam("sort") String sort, Model model) {
        // ruleid: JAVA-CODE-INJECTION
        Expression expression = parser.parseExpression(sort);
        model.addAttribute("sorted", expression.getValue());

        SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        context.setVariable("sort", sort);
        // ok: JAVA-CODE-INJECTION
        Expression constant = parser.parseExpression("#sort");
        model.addAttribute("sortKey", constant.getValue(context));

        int num = 106;
        String cond = (7 * 18) + num > 200 ? "name" : sort;
        // ok: JAVA-CODE-INJECTION
        Expression dead = parser.parseExpression(cond);
        return "report";
    }
}
