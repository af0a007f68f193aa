package org.groundgame.web.home;

import org.groundgame.web.candidates.Endorsements;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the headline figure ("helped elect N progressives"), the latest
 * endorsements and victories, the current races, and the calls to action. Four calls to
 * endorsement-service, whatever the data.
 */
@Controller
class HomeController {

	static final int LATEST = 6;

	static final int RACES = 4;

	private final Endorsements endorsements;

	HomeController(Endorsements endorsements) {
		this.endorsements = endorsements;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("results", this.endorsements.results());
		model.addAttribute("latest", this.endorsements.endorsements(Endorsements.Filter.NONE, 0, LATEST).content());
		model.addAttribute("victories", this.endorsements.victories(LATEST).content());
		model.addAttribute("races", this.endorsements.races(Endorsements.Filter.NONE, 0, RACES).content());
		return "home";
	}

}
