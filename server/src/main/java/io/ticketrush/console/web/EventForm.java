package io.ticketrush.console.web;

import io.ticketrush.catalog.Category;
import io.ticketrush.catalog.EventPlan;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.QueueSettings;
import io.ticketrush.catalog.Venue;
import io.ticketrush.storefront.PageFormats;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The event editor's form. Times are typed as local times in Korea (the show's time zone);
 * the catalog's own rules (sections in one grade only, sale window, performances after the
 * opening) are checked by the catalog when the draft is saved.
 */
public class EventForm {

    private static final String CODE = "[A-Za-z0-9]{1,10}";

    private String title = "";
    private String category = Category.CONCERT.name();
    private String venueId = "";
    private String description = "";
    private String salesOpenAt = "";
    private String salesCloseAt = "";
    private Integer maxTicketsPerPerson = 4;
    private List<GradeForm> grades = new ArrayList<>();
    private List<String> performances = new ArrayList<>();
    private boolean queueEnabled;
    private Integer outflowPerSecond = 200;
    private Integer maxActiveShoppers = 1000;

    public static class GradeForm {
        private String code = "";
        private String name = "";
        private Long price = 0L;
        private List<String> sections = new ArrayList<>();

        public GradeForm() {
        }

        GradeForm(String code, String name, long price, List<String> sections) {
            this.code = code;
            this.name = name;
            this.price = price;
            this.sections = new ArrayList<>(sections);
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getPrice() {
            return price;
        }

        public void setPrice(Long price) {
            this.price = price;
        }

        public List<String> getSections() {
            return sections;
        }

        public void setSections(List<String> sections) {
            this.sections = sections;
        }
    }

    /** A new event: sale opening at the next full hour, one show in 30 days at 19:00, grades by section. */
    static EventForm starter(@Nullable Venue venue, Instant now) {
        EventForm form = new EventForm();
        LocalDateTime local = LocalDateTime.ofInstant(now, PageFormats.SEOUL).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        LocalDateTime show = local.toLocalDate().plusDays(30).atTime(LocalTime.of(19, 0));
        form.salesOpenAt = local.toString();
        form.salesCloseAt = show.minusHours(2).toString();
        form.performances.add(show.toString());
        if (venue != null) {
            form.venueId = venue.id().toString();
            String[][] names = {{"VIP", "VIP석", "165000"}, {"R", "R석", "143000"}, {"S", "S석", "110000"}, {"A", "A석", "88000"}};
            List<Venue.SectionInfo> sections = venue.sections();
            for (int i = 0; i < sections.size(); i++) {
                String[] grade = names[Math.min(i, names.length - 1)];
                if (i < names.length) {
                    form.grades.add(new GradeForm(grade[0], grade[1], Long.parseLong(grade[2]),
                            List.of(sections.get(i).code())));
                } else {
                    form.grades.getLast().sections.add(sections.get(i).code());
                }
            }
        }
        if (form.grades.isEmpty()) {
            form.grades.add(new GradeForm("R", "R석", 110_000, List.of()));
        }
        return form;
    }

    /** The form field where the catalog's error about {@code catalogField} goes: a performance is one time input. */
    static String formField(String catalogField) {
        return catalogField.replaceFirst("^performances\\[(\\d+)]\\.startsAt$", "performances[$1]");
    }

    void addGrade() {
        grades.add(new GradeForm("", "", 0, List.of()));
    }

    void addPerformance() {
        performances.add(performances.isEmpty() ? "" : performances.getLast());
    }

    /** Form-level checks; returns the plan when every field could be read, else null with errors. */
    @Nullable EventPlan toPlan(Errors errors) {
        if (title.isBlank() || title.length() > 200) {
            errors.rejectValue("title", "console.invalid.title");
        }
        Category cat = null;
        try {
            cat = Category.valueOf(category);
        } catch (IllegalArgumentException e) {
            errors.rejectValue("category", "console.invalid.category");
        }
        UUID venue = null;
        try {
            venue = UUID.fromString(venueId);
        } catch (IllegalArgumentException e) {
            errors.rejectValue("venueId", "console.invalid.venue");
        }
        Instant open = FieldErrorsBinding.seoulInstant(salesOpenAt, "salesOpenAt", errors);
        Instant close = FieldErrorsBinding.seoulInstant(salesCloseAt, "salesCloseAt", errors);
        if (maxTicketsPerPerson == null || maxTicketsPerPerson < 1 || maxTicketsPerPerson > 20) {
            errors.rejectValue("maxTicketsPerPerson", "console.invalid.limit");
        }
        if (grades.isEmpty()) {
            errors.reject("console.invalid.grades");
        }
        for (int g = 0; g < grades.size(); g++) {
            GradeForm grade = grades.get(g);
            if (grade.code == null || !grade.code.strip().matches(CODE)) {
                errors.rejectValue("grades[" + g + "].code", "console.invalid.code");
            }
            if (grade.name == null || grade.name.isBlank() || grade.name.length() > 50) {
                errors.rejectValue("grades[" + g + "].name", "console.invalid.name");
            }
            if (grade.price == null || grade.price < 1 || grade.price > 100_000_000) {
                errors.rejectValue("grades[" + g + "].price", "console.invalid.price");
            }
            if (grade.sections.isEmpty()) {
                errors.rejectValue("grades[" + g + "].sections", "console.invalid.gradeSections");
            }
        }
        List<Instant> shows = new ArrayList<>();
        if (performances.isEmpty()) {
            errors.reject("console.invalid.performances");
        }
        for (int p = 0; p < performances.size(); p++) {
            Instant show = FieldErrorsBinding.seoulInstant(performances.get(p), "performances[" + p + "]", errors);
            if (show != null) {
                shows.add(show);
            }
        }
        if (queueEnabled && (outflowPerSecond == null || outflowPerSecond < 1 || outflowPerSecond > 100_000)) {
            errors.rejectValue("outflowPerSecond", "console.invalid.outflow");
        }
        if (queueEnabled && (maxActiveShoppers == null || maxActiveShoppers < 1 || maxActiveShoppers > 1_000_000)) {
            errors.rejectValue("maxActiveShoppers", "console.invalid.activeShoppers");
        }
        if (errors.hasErrors() || cat == null || venue == null || open == null || close == null) {
            return null;
        }
        QueueSettings queue = queueEnabled ? new QueueSettings(true, outflowPerSecond, maxActiveShoppers)
                : QueueSettings.DISABLED;
        return new EventPlan(title.strip(), cat, venue, description.strip(), open, close, maxTicketsPerPerson,
                grades.stream().map(g -> new Grade(g.code.strip(), g.name.strip(), g.price, List.copyOf(g.sections))).toList(),
                shows, queue);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getVenueId() {
        return venueId;
    }

    public void setVenueId(String venueId) {
        this.venueId = venueId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSalesOpenAt() {
        return salesOpenAt;
    }

    public void setSalesOpenAt(String salesOpenAt) {
        this.salesOpenAt = salesOpenAt;
    }

    public String getSalesCloseAt() {
        return salesCloseAt;
    }

    public void setSalesCloseAt(String salesCloseAt) {
        this.salesCloseAt = salesCloseAt;
    }

    public Integer getMaxTicketsPerPerson() {
        return maxTicketsPerPerson;
    }

    public void setMaxTicketsPerPerson(Integer maxTicketsPerPerson) {
        this.maxTicketsPerPerson = maxTicketsPerPerson;
    }

    public List<GradeForm> getGrades() {
        return grades;
    }

    public void setGrades(List<GradeForm> grades) {
        this.grades = grades;
    }

    public List<String> getPerformances() {
        return performances;
    }

    public void setPerformances(List<String> performances) {
        this.performances = performances;
    }

    public boolean isQueueEnabled() {
        return queueEnabled;
    }

    public void setQueueEnabled(boolean queueEnabled) {
        this.queueEnabled = queueEnabled;
    }

    public Integer getOutflowPerSecond() {
        return outflowPerSecond;
    }

    public void setOutflowPerSecond(Integer outflowPerSecond) {
        this.outflowPerSecond = outflowPerSecond;
    }

    public Integer getMaxActiveShoppers() {
        return maxActiveShoppers;
    }

    public void setMaxActiveShoppers(Integer maxActiveShoppers) {
        this.maxActiveShoppers = maxActiveShoppers;
    }
}
