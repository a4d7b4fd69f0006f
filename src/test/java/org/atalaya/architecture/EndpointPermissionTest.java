package org.atalaya.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.atalaya.access.PublicEndpoint;
import org.atalaya.access.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.socket.WebSocketHandler;

/** Every web endpoint says which permission it needs, or why it is public; the run-time check refuses the rest. */
@AnalyzeClasses(packages = "org.atalaya", importOptions = ImportOption.DoNotIncludeTests.class)
class EndpointPermissionTest {

    @ArchTest
    static final ArchRule everyHandlerDeclaresItsPermission = methods()
            .that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
            .and().areMetaAnnotatedWith(RequestMapping.class)
            .should(declareAPermissionOrBePublic());

    /** A WebSocket is opened by an HTTP request too; its handshake checks the permission its handler declares. */
    @ArchTest
    static final ArchRule everyWebSocketHandlerDeclaresItsPermission = classes()
            .that().implement(WebSocketHandler.class).and().areNotInterfaces()
            .should().beAnnotatedWith(RequiresPermission.class);

    private static ArchCondition<JavaMethod> declareAPermissionOrBePublic() {
        return new ArchCondition<>("declare @RequiresPermission or @PublicEndpoint (on the method or its class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = method.isAnnotatedWith(RequiresPermission.class)
                        || method.isAnnotatedWith(PublicEndpoint.class)
                        || method.getOwner().isAnnotatedWith(RequiresPermission.class)
                        || method.getOwner().isAnnotatedWith(PublicEndpoint.class);
                boolean ambiguous = (method.isAnnotatedWith(RequiresPermission.class) || method.getOwner().isAnnotatedWith(RequiresPermission.class))
                        && (method.isAnnotatedWith(PublicEndpoint.class) || method.getOwner().isAnnotatedWith(PublicEndpoint.class));
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " declares no permission"));
                } else if (ambiguous) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is both public and protected"));
                }
            }
        };
    }
}
