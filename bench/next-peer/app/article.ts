// The post the peer's only page shows: plain prose, as a small personal blog would publish it.
export const article = {
  title: 'A year of balcony tomatoes',
  author: 'Mara Lindqvist',
  published: '2026-09-14',
  publishedLabel: 'September 14, 2026',
  sections: [
    {
      heading: 'Why a balcony at all',
      paragraphs: [
        'When we moved into the flat on the fourth floor, the balcony was the reason we signed the lease. It faces south-west, it is a little under two metres deep, and in the afternoon it catches the sun long after the street below has gone into shade. I had never grown anything more ambitious than a basil plant from the supermarket, and that one died within a fortnight. Still, the light was too good to waste, and a neighbour two doors down had a wall of tomato vines that looked like a hedge by August.',
        'This post is the notebook I wish I had read in March: what worked, what failed, and what I would do differently now that the last green fruit is ripening on the kitchen windowsill. None of it is expert advice. It is one balcony, one summer, and a lot of small mistakes that turned out to be instructive.',
      ],
    },
    {
      heading: 'Choosing the plants',
      paragraphs: [
        'The first lesson was that variety matters far more than I expected. I bought six seedlings from a market stall without asking what they were, and two of them turned out to be vigorous indeterminate beefsteaks that wanted to be two metres tall. On a balcony with a railing and a low ceiling, that meant constant tying, pinching and apologising to the neighbours below whenever leaves drifted down onto their table.',
        'The plants that behaved best were the compact bush varieties and a cherry type bred for hanging baskets. They stayed below a metre, needed only one short stake each, and set fruit early. If I had to choose again, I would grow four cherry plants and one larger slicing tomato for the pleasure of a single enormous fruit in late summer, rather than the other way round.',
      ],
    },
    {
      heading: 'Containers and soil',
      paragraphs: [
        'Tomatoes in pots live or die by the size of the pot. My first containers held about ten litres each, and by June the plants in them wilted every afternoon no matter how much I watered in the morning. The roots simply had nowhere to go and nothing to hold. I moved the two strongest plants into thirty-litre tubs, and the difference was visible within a week: darker leaves, thicker stems, and flowers that actually stayed on instead of dropping.',
        'For soil I used a peat-free potting compost mixed with about a fifth of garden compost from the community bin, plus a handful of grit for drainage. The mix held water well without turning into a brick. I would add more grit next year, because after heavy rain in July the bottom of two pots stayed soggy for days, and those plants were the first to show yellowing lower leaves.',
      ],
    },
    {
      heading: 'Sun, heat and the railing',
      paragraphs: [
        'A south-west balcony sounds ideal, and for most of the season it was. The plants got six to seven hours of direct sun from midday onwards, which is about the minimum tomatoes need to ripen fruit properly. What I had not thought about was the heat stored in the wall behind them. On the hottest afternoons in July the brickwork was too warm to touch, and the leaves closest to it curled inwards by four o\'clock as if they were trying to fold themselves away.',
        'Moving the pots thirty centimetres forward, away from the wall, helped more than shade cloth did. So did a row of lighter-coloured pots: the black plastic ones I started with heated the soil so much that the roots near the sides died back, which I only discovered when I tipped one out in autumn and found a ring of brown, brittle roots around a living core.',
        'The railing itself turned out to be useful. Once the plants were tall enough, I tied the main stems loosely to it with strips of old T-shirt, which held them upright in the wind and kept the fruit trusses off the floor. Soft ties matter: garden twine cut into one stem during a storm, and that stem snapped a week later with four green fruit on it.',
      ],
    },
    {
      heading: 'Water, the daily question',
      paragraphs: [
        'Watering turned out to be the whole job. On a hot day a large plant in a pot can drink several litres, and the balcony concrete radiates heat well into the evening. I settled into a routine of a deep soak early in the morning and a check at seven in the evening, pushing a finger into the soil up to the second knuckle. If it felt dry there, the pot got another litre.',
        'Irregular watering is what causes split fruit and the dark sunken patches at the base of the tomato that everyone calls blossom end rot. I had both in the second half of July, during a week when I was away and a friend watered only when the plants looked sad. By the time a tomato plant looks sad, the damage is already done. A cheap drip kit on a timer would have saved that week, and I have bought one for next year.',
        'Saucers under the pots helped on the hottest days, but only if I emptied them after rain. Standing water at the roots is almost as bad as none, and it brings fungus gnats that drift up into the kitchen every time the door opens.',
      ],
    },
    {
      heading: 'Feeding without overdoing it',
      paragraphs: [
        'Once the first flowers opened, I started a liquid tomato feed once a week, at half the strength the bottle recommends. Full strength burned the leaf edges on the smaller plants. The larger plants in the big tubs could take more, and in August I fed them twice a week without any sign of trouble. The rule I arrived at is simple: feed the fruit, not the leaves. Too much nitrogen early on gave me a jungle of foliage and very few flowers.',
        'Comfrey tea, which a neighbour swears by, smelled so strongly that I gave up after one batch. It may well work, but a fourth-floor balcony next to a bedroom window is not the place to brew it.',
      ],
    },
    {
      heading: 'Pests and visitors',
      paragraphs: [
        'I expected pests to be the hardest part, and they were the easiest. Aphids appeared on the growing tips in May and were gone a week later, cleaned up by ladybirds that found the balcony on their own. Whitefly showed up in August on the plant closest to the wall, where the air barely moved. Moving that pot half a metre into the breeze did more than any spray.',
        'Blight was the one problem I could not fix. In the wet fortnight at the end of July, brown patches spread across the lower leaves of both beefsteaks within days. I cut off every affected leaf, watered only the soil and never the foliage, and kept the plants as open as I could, which slowed it down without stopping it. The cherry plants on the far side of the balcony, with more air around them, barely showed a mark.',
        'The real visitors were pigeons, who discovered that ripe cherry tomatoes are delicious and that a railing is a perfect perch. A length of garden netting clipped to the railing solved it, at the cost of looking slightly like a fishing boat.',
      ],
    },
    {
      heading: 'The harvest, counted',
      paragraphs: [
        'I kept a tally on the inside of a kitchen cupboard door. The four cherry plants gave a little over nine kilograms between them from early July to the end of September, which is far more than two people can eat fresh. The two beefsteaks, despite all the fuss, produced eleven fruit in total, three of which split. The bush varieties sat in between: steady, modest, and never a worry.',
        'We ate them in salads, roasted them with garlic for pasta, and froze two large bags of sauce for winter. The cherry tomatoes that ripened last, in the cooler days of September, were noticeably sweeter than the July ones, which surprised me. A grower at the market explained that slower ripening gives the sugars more time, and that the best flavour often comes at the very end of the season.',
      ],
    },
    {
      heading: 'What I would change',
      paragraphs: [
        'Bigger pots from the start, fewer plants, and a timer on the water. Those three changes would have removed most of the problems I had. I would also start the seeds myself indoors in March, so that I know exactly what I am growing instead of trusting a handwritten label at a market stall.',
        'Most of all, I would worry less. Tomatoes want to grow. Given enough root room, steady water and a sunny wall, they will forgive a great deal of beginner clumsiness. The balcony is bare now, the tubs are stacked in a corner with the soil resting under a sheet of cardboard, and I am already reading seed catalogues in bed. Next spring the railing gets its netting back on the first warm weekend.',
      ],
    },
  ],
}
