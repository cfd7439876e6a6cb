package org.smscampaign.web.error;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiExceptionHandlerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleApi())
        .setControllerAdvice(new ApiExceptionHandler())
        .build();

    @Test
    void invalidFieldsAreListed() throws Exception {
        this.mvc.perform(post("/sample").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
            .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void unreadableBodiesAreBadRequests() throws Exception {
        this.mvc.perform(post("/sample").contentType(MediaType.APPLICATION_JSON).content("{not json"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("/problems/bad-request"));
    }

    @Test
    void anIllegalArgumentIsABadRequestWithItsMessage() throws Exception {
        this.mvc.perform(get("/sample/illegal"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("/problems/bad-request"))
            .andExpect(jsonPath("$.detail").value("Limit must be positive."));
    }

    @Test
    void anUnexpectedFailureRevealsNothing() throws Exception {
        this.mvc.perform(get("/sample/crash"))
            .andExpect(status().isInternalServerError())
            .andExpect(jsonPath("$.type").value("/problems/internal-error"))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    @RestController
    static class SampleApi {

        @PostMapping("/sample")
        String create(@Valid @RequestBody Sample sample) {
            return "ok";
        }

        @GetMapping("/sample/illegal")
        String illegal() {
            throw new IllegalArgumentException("Limit must be positive.");
        }

        @GetMapping("/sample/crash")
        String crash() {
            throw new IllegalStateException("secret connection string");
        }

    }

    record Sample(@NotBlank String name) {

    }

}
