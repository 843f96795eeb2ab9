package io.ticketrush;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The conventions (CONVENTIONS.md, habits 1, 2, 6 and 10) that Spring Modulith's {@code verify()} does
 * not check, as ArchUnit rules over the application package {@code root}. A module is the first
 * package below {@code root}; its {@code persistence} package may sit anywhere below it
 * ({@code payment.sandbox.persistence} belongs to {@code payment}).
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** No class of one module uses a class in another module's {@code persistence} package. */
    static ArchRule noModuleReachesAnothersPersistence(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use no other module's persistence package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String own = moduleOf(root, item.getPackageName());
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                            if (isPersistence(root, target) && !moduleOf(root, target).equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(false);
    }

    /** Controllers ({@code @Controller}, and {@code @RestController} through it) live in a {@code web} package. */
    static ArchRule controllersLiveInWebPackages(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areMetaAnnotatedWith(Controller.class)
                .should().resideInAPackage("..web..")
                .allowEmptyShould(false);
    }

    /**
     * A controller advice ({@code @ControllerAdvice}, {@code @RestControllerAdvice}) picks its controllers by
     * a type — an annotation such as {@code storefront.PageFrame}, or classes — never by package names in
     * strings ({@code basePackages}/{@code value}): such a coupling between modules is invisible to the
     * module model and silently stops applying when a package moves.
     */
    static ArchRule controllerAdviceNamesNoPackages(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areMetaAnnotatedWith(ControllerAdvice.class)
                .should(new ArchCondition<>("select the controllers they advise by type, not by package strings") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        item.getAnnotations().stream()
                                .filter(annotation -> annotation.getRawType().isEquivalentTo(ControllerAdvice.class)
                                        || annotation.getRawType().isMetaAnnotatedWith(ControllerAdvice.class))
                                .forEach(annotation -> {
                                    for (String property : List.of("value", "basePackages")) {
                                        if (annotation.get(property).orElse(null) instanceof String[] packages
                                                && packages.length > 0) {
                                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                                    + " advises the packages " + Arrays.toString(packages)
                                                    + " named in strings (" + property + ")"));
                                        }
                                    }
                                });
                    }
                })
                .allowEmptyShould(false);
    }

    /**
     * Nothing sleeps: waiting is for a Clock, a scheduler or Awaitility. {@code allowed} names the
     * classes whose whole purpose is to wait (fully qualified).
     */
    static ArchRule noSleeping(String root, Set<String> allowed) {
        return noClasses().that().resideInAPackage(root + "..")
                .and(DescribedPredicate.describe("are not allowed to sleep " + allowed,
                        (JavaClass type) -> !allowed.contains(type.getName())))
                .should().callMethodWhere(DescribedPredicate.describe("Thread.sleep or TimeUnit.sleep",
                        ArchitectureRules::sleeps));
    }

    static List<ArchRule> all(String root, Set<String> allowedToSleep) {
        return List.of(noModuleReachesAnothersPersistence(root), controllersLiveInWebPackages(root),
                controllerAdviceNamesNoPackages(root), noSleeping(root, allowedToSleep));
    }

    private static boolean sleeps(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        return call.getName().equals("sleep")
                && (owner.isEquivalentTo(Thread.class) || owner.isAssignableTo(TimeUnit.class));
    }

    private static String moduleOf(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return "";
        }
        return packageName.substring(root.length() + 1).split("\\.")[0];
    }

    private static boolean isPersistence(String root, String packageName) {
        return packageName.startsWith(root + ".")
                && Arrays.asList(packageName.substring(root.length() + 1).split("\\.")).contains("persistence");
    }
}
