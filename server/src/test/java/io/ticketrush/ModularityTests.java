package io.ticketrush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.importer.ImportOption;
import fixtures.badshop.BadShop;
import io.ticketrush.storefront.PageFormats;
import io.ticketrush.storefront.PageFrame;
import io.ticketrush.storefront.SeatLayout;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries: Spring Modulith's {@code verify()} on the application (and, to prove it
 * still bites, on a deliberately broken fixture), the module list, and the shape of the dependency
 * graph. The documentation goes to {@code target/spring-modulith-docs}; {@code -Pmodule-docs} copies
 * it into {@code docs/modules} (see README, "Module documentation"). Running the tests changes no
 * tracked file.
 */
class ModularityTests {

    private static final Path DOCS = Path.of("target", "spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(TicketrushApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void verifyRejectsAModuleThatReachesIntoAnothersInternals() {
        ApplicationModules bad = ApplicationModules.of(BadShop.class, location -> true);

        assertThatExceptionOfType(Violations.class)
                .isThrownBy(bad::verify)
                .satisfies(violations -> assertThat(violations.getMessages())
                        .anySatisfy(message -> assertThat(message)
                                .contains("fixtures.badshop.orders.PlaceOrder")
                                .contains("fixtures.badshop.stock.persistence.StockRows")));
    }

    @Test
    void theApplicationHasTheModulesTheReadmeTours() {
        Set<String> names = modules.stream().map(ModularityTests::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(names).containsExactly("account", "benchmark", "catalog", "console", "inventory", "order", "payment",
                        "platform", "promotion", "queue", "shared", "storefront", "ticket");
    }

    @Test
    void theDependencyGraphKeepsItsShape() {
        Map<String, Set<String>> uses = new TreeMap<>();
        modules.forEach(module -> uses.put(name(module), module.getDirectDependencies(modules).uniqueModules()
                .map(ModularityTests::name).collect(Collectors.toCollection(TreeSet::new))));

        // the runtime plumbing and the benchmark baselines are leaves nobody builds on
        uses.forEach((module, used) -> assertThat(used).as(module).doesNotContain("platform", "benchmark"));
        // web pages sit on top: only the console reuses the storefront's page frame (see below)
        uses.forEach((module, used) -> {
            if (!module.equals("console")) {
                assertThat(used).as(module).doesNotContain("storefront", "console");
            }
        });
        // the foundations depend on nothing but the shared value types
        assertThat(uses.get("shared")).isEmpty();
        assertThat(uses.get("account")).containsOnly("shared");
        assertThat(uses.get("payment")).containsOnly("shared");
        assertThat(uses.get("catalog")).isSubsetOf("shared", "account");
    }

    /**
     * The console's pages are drawn in the storefront's page frame, and that is a declared dependency on
     * a named interface (not a package string in a controller advice): the console may use the
     * storefront's {@code frame} and nothing else of it, and the frame is exactly these types.
     */
    @Test
    void theConsoleUsesTheStorefrontsPageFrameThroughItsNamedInterface() throws ClassNotFoundException {
        NamedInterface frame = modules.getModuleByName("storefront").orElseThrow()
                .getNamedInterfaces().getByName("frame").orElseThrow();
        assertThat(Stream.of(PageFrame.class, PageFormats.class, SeatLayout.class)).allMatch(frame::contains);
        assertThat(frame.asJavaClasses()).noneMatch(type -> type.getPackageName().startsWith("io.ticketrush.storefront.web"));

        String[] declared = Class.forName("io.ticketrush.console.package-info")
                .getAnnotation(org.springframework.modulith.ApplicationModule.class).allowedDependencies();
        assertThat(declared).contains("storefront :: frame").doesNotContain("storefront");
        assertThat(modules.getModuleByName("console").orElseThrow().getDirectDependencies(modules).uniqueModules()
                .map(ModularityTests::name)).contains("storefront");
    }

    @Test
    void writesModuleDocumentationUnderTarget() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(DOCS.resolve("components.puml")).isRegularFile();
        modules.forEach(module -> {
            assertThat(DOCS.resolve("module-" + name(module) + ".puml")).isRegularFile();
            assertThat(DOCS.resolve("module-" + name(module) + ".adoc")).isRegularFile();
        });
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
