package org.smscampaign.web.contact;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.smscampaign.contact.ContactListView;
import org.smscampaign.contact.ContactLists;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Static contact lists over REST. */
@RestController
@RequestMapping("/api/v1/lists")
@Tag(name = "Lists")
class ListApiController {

    private final ContactLists lists;

    ListApiController(ContactLists lists) {
        this.lists = lists;
    }

    @GetMapping
    @Operation(summary = "All lists with their sizes")
    List<ContactListView> all() {
        return this.lists.all();
    }

    @PostMapping
    @Operation(summary = "Create a list")
    ResponseEntity<ContactListView> create(@Valid @RequestBody ListRequest request) {
        ContactListView list = this.lists.create(request.name(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/lists/" + list.id())).body(list);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A list with its size")
    ContactListView get(@PathVariable long id) {
        return this.lists.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "List " + id + " does not exist."));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a list", description = "The contacts remain.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        this.lists.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add contacts to a list", description = "Returns how many were not members before.")
    MembersChanged add(@PathVariable long id, @Valid @RequestBody Members members) {
        return new MembersChanged(this.lists.add(id, members.contactIds()));
    }

    @PostMapping("/{id}/members/removal")
    @Operation(summary = "Remove contacts from a list")
    MembersChanged remove(@PathVariable long id, @Valid @RequestBody Members members) {
        return new MembersChanged(this.lists.remove(id, members.contactIds()));
    }

    record ListRequest(
            @NotBlank(message = "Give the list a name.") @Size(max = 100,
                    message = "Name must be at most {max} characters.") String name,
            @Size(max = 500, message = "Description must be at most {max} characters.") String description) {

    }

    record Members(@NotEmpty(message = "Name at least one contact.") @Size(max = 10000,
            message = "At most {max} contacts at a time.") List<Long> contactIds) {

    }

    record MembersChanged(int changed) {

    }

}
