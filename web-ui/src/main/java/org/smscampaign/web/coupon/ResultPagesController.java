package org.smscampaign.web.coupon;

import java.io.IOException;
import java.security.Principal;

import org.smscampaign.campaign.CampaignManagement;
import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.campaign.ResultImport;
import org.smscampaign.campaign.ResultImports;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The results pages: upload offline results or coupon redemptions (for a campaign or
 * any), and the report of each upload.
 */
@Controller
@RequestMapping("/results")
class ResultPagesController {

    private final ResultImports imports;

    private final CampaignManagement campaigns;

    ResultPagesController(ResultImports imports, CampaignManagement campaigns) {
        this.imports = imports;
        this.campaigns = campaigns;
    }

    @GetMapping
    String index(@RequestParam(required = false) Long campaign, Model model) {
        model.addAttribute("uploads", this.imports.recent(50));
        model.addAttribute("campaignNames", this.campaigns.names());
        model.addAttribute("campaign", campaign);
        return "results/index";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long campaign,
            Principal principal, RedirectAttributes redirect) throws IOException {
        try {
            String name = (file != null) ? file.getOriginalFilename() : null;
            ResultImport upload = this.imports.upload(name, UploadedText.of(file), campaign, principal.getName());
            return "redirect:/results/" + upload.id();
        }
        catch (CampaignProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/results" + ((campaign != null) ? "?campaign=" + campaign : "");
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ResultImport upload = this.imports.get(id);
        model.addAttribute("upload", upload);
        model.addAttribute("campaignNames", this.campaigns.names());
        return "results/show";
    }

}
