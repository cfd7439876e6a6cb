package org.smscampaign.web.coupon;

import java.io.IOException;
import java.security.Principal;

import org.smscampaign.campaign.CampaignProblem;
import org.smscampaign.campaign.CodeUpload;
import org.smscampaign.campaign.CouponPoolView;
import org.smscampaign.campaign.CouponPools;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coupon pool pages: the pools, and one pool with its codes' upload. */
@Controller
@RequestMapping("/coupon-pools")
class CouponPoolPagesController {

    private final CouponPools pools;

    CouponPoolPagesController(CouponPools pools) {
        this.pools = pools;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("pools", this.pools.list());
        return "coupons/pools";
    }

    @PostMapping
    String create(@RequestParam String name, Principal principal, RedirectAttributes redirect) {
        try {
            CouponPoolView pool = this.pools.create(name, principal.getName());
            redirect.addFlashAttribute("success", "Pool \u201c" + pool.name() + "\u201d created: add its codes.");
            return "redirect:/coupon-pools/" + pool.id();
        }
        catch (CampaignProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/coupon-pools";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("pool", this.pools.get(id));
        return "coupons/pool";
    }

    @PostMapping("/{id}/codes")
    String addCodes(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String codes, RedirectAttributes redirect) throws IOException {
        try {
            String text = (file != null && !file.isEmpty()) ? UploadedText.of(file) : codes;
            if (text == null || text.isBlank()) {
                redirect.addFlashAttribute("error", "Choose a file or paste the codes, one per line.");
                return "redirect:/coupon-pools/" + id;
            }
            CodeUpload upload = this.pools.addCodes(id, text);
            redirect.addFlashAttribute("upload", upload);
        }
        catch (CampaignProblem ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/coupon-pools/" + id;
    }

}
