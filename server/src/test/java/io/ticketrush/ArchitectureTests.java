package io.ticketrush;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The conventions Spring Modulith does not check (see {@link ArchitectureRules}), on the main code;
 * and the same rules on the broken {@code fixtures.badshop}, so a rule that stops matching fails here.
 */
class ArchitectureTests {

    /**
     * The freeze list: main-code classes allowed to sleep, each with its reason. The sandbox gateway
     * simulates a provider's late answer by holding its own reply back; nothing else waits on it.
     */
    static final Set<String> ALLOWED_TO_SLEEP = Set.of("io.ticketrush.payment.sandbox.SimulatedLatency");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("io.ticketrush");

    private static final JavaClasses BAD_SHOP = new ClassFileImporter().importPackages("fixtures.badshop");

    @Test
    void noModuleReachesIntoAnothersPersistence() {
        ArchitectureRules.noModuleReachesAnothersPersistence("io.ticketrush").check(MAIN);
    }

    @Test
    void controllersLiveInWebPackages() {
        ArchitectureRules.controllersLiveInWebPackages("io.ticketrush").check(MAIN);
    }

    @Test
    void controllerAdviceSelectsControllersByTypeNotByPackageStrings() {
        ArchitectureRules.controllerAdviceNamesNoPackages("io.ticketrush").check(MAIN);
    }

    @Test
    void mainCodeDoesNotSleep() {
        ArchitectureRules.noSleeping("io.ticketrush", ALLOWED_TO_SLEEP).check(MAIN);
    }

    @Test
    void eachRuleReportsTheBrokenFixture() {
        EvaluationResult persistence = ArchitectureRules.noModuleReachesAnothersPersistence("fixtures.badshop")
                .evaluate(BAD_SHOP);
        assertThat(persistence.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("orders.PlaceOrder", "stock.persistence.StockRows"))
                .noneSatisfy(line -> assertThat(line).contains("stock.Stock."));

        EvaluationResult controllers = ArchitectureRules.controllersLiveInWebPackages("fixtures.badshop")
                .evaluate(BAD_SHOP);
        assertThat(controllers.getFailureReport().getDetails())
                .singleElement().asString().contains("fixtures.badshop.orders.PlaceOrder");

        EvaluationResult advice = ArchitectureRules.controllerAdviceNamesNoPackages("fixtures.badshop").evaluate(BAD_SHOP);
        assertThat(advice.getFailureReport().getDetails())
                .singleElement().asString().contains("fixtures.badshop.orders.web.OrderPageFrame", "basePackages");

        EvaluationResult sleeping = ArchitectureRules.noSleeping("fixtures.badshop", Set.of()).evaluate(BAD_SHOP);
        assertThat(sleeping.getFailureReport().getDetails())
                .singleElement().asString().contains("PlaceOrder.place", "Thread.sleep");

        assertThat(ArchitectureRules.noSleeping("fixtures.badshop", Set.of("fixtures.badshop.orders.PlaceOrder"))
                .evaluate(BAD_SHOP).hasViolation()).isFalse();
    }
}
